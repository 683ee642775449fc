// The narrative templates: shipped ones, replaced by a period's own.
#include <algorithm>

#include "ntreport/narrative/narrative.hpp"
#include "ntreport/read/embedded.hpp"
#include "ntreport/read/input.hpp"

namespace ntr {

std::vector<NarrativeDef> load_narratives(const std::vector<std::string>& template_dirs,
                                          Diagnostics& diags) {
  std::vector<NarrativeDef> defs;
  auto add = [&defs](NarrativeDef d) {
    auto same = std::find_if(defs.begin(), defs.end(),
                             [&](const NarrativeDef& x) { return x.appendix == d.appendix; });
    if (same != defs.end()) {
      *same = std::move(d);
    } else {
      defs.push_back(std::move(d));
    }
  };
  for (const auto& f : embedded_files()) {
    if (f.name.rfind("templates/narrative/", 0) != 0) continue;
    if (auto d = parse_narrative(f.data, std::string(f.name), diags)) add(std::move(*d));
  }
  for (const auto& dir : template_dirs) {
    const std::string folder = dir + "/narrative";
    if (!folder_exists(folder)) continue;
    for (const auto& path : list_folder(folder, ".toml", diags)) {
      const auto text = read_text_file(path, diags);
      if (!text) continue;
      if (auto d = parse_narrative(*text, path, diags)) add(std::move(*d));
    }
  }
  return defs;
}

std::vector<NarrativeSection> build_narratives(const std::vector<NarrativeDef>& defs,
                                               const std::vector<ReportDoc>& docs,
                                               const Registry& registry, const Totals& totals,
                                               const NarrativeOptions& options) {
  std::vector<NarrativeSection> out;
  for (const auto& doc : docs) {
    const auto def = std::find_if(defs.begin(), defs.end(),
                                  [&](const NarrativeDef& d) { return d.appendix == doc.id; });
    if (def == defs.end() || doc.layout == Layout::targets) continue;
    NarrativeSection s = build_narrative(*def, doc, registry, totals, options);
    if (!s.sentences.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace ntr
