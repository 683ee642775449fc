// The "narrative" member of summary.json: each sentence with the figures it states.
#include "json_out.hpp"
#include "ntreport/report/narrative_section.hpp"

namespace ntr {

namespace {

void figure(json::Out& out, const NarrativeFigure& f) {
  out.begin_object();
  out.key("key");
  out.string(f.key);
  if (!f.level.empty()) {
    out.key("level");
    out.string(f.level);
  }
  if (!f.unit.empty()) {
    out.key("unit");
    out.string(f.unit);
  }
  out.key("text");
  out.string(f.text);
  if (f.kind == NarrativeFigure::Kind::count) {
    out.key("value");
    out.integer(f.value);
  } else {
    out.key("hundredths");
    out.integer(f.value);
    if (f.den != 0) {
      out.key("numerator");
      out.integer(f.num);
      out.key("denominator");
      out.integer(f.den);
    }
  }
  out.end_object();
}

}  // namespace

/// Writes the sections as the value of the current member.
void narrative_json(json::Out& out, const std::vector<NarrativeSection>& sections) {
  out.begin_array();
  for (const auto& s : sections) {
    out.begin_object();
    out.key("appendix");
    out.string(s.appendix);
    out.key("heading");
    out.string(s.heading);
    out.key("sentences");
    out.begin_array();
    for (const auto& sentence : s.sentences) {
      out.begin_object();
      out.key("text");
      out.string(sentence.text);
      out.key("figures");
      out.begin_array();
      for (const auto& f : sentence.figures) figure(out, f);
      out.end_array();
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
}

}  // namespace ntr
