#pragma once
// The report's paragraphs as the writers print them: per appendix, sentences with the figures
// each states (built by narrative/narrative.hpp).
#include <cstdint>
#include <string>
#include <vector>

namespace ntr {

/// One figure a sentence states: a count, or a percentage with its exact numerator and
/// denominator (rounded half-up once, to what `text` shows).
struct NarrativeFigure {
  std::string key;    ///< the placeholder: "docs_in+docs_out", "received_online/received"
  std::string level;  ///< the level id it is taken at; empty for all levels or a unit
  std::string unit;   ///< the unit code, for the figures of a listed unit
  enum class Kind : std::uint8_t { count, percent } kind = Kind::count;
  std::int64_t value = 0;         ///< count; percent: hundredths of a percent as printed
  std::int64_t num = 0, den = 0;  ///< percent: the ratio it is rounded from
  std::string text;               ///< as printed: "454.076", "98,95%"
};

struct NarrativeSentence {
  std::string text;
  std::vector<NarrativeFigure> figures;
};

struct NarrativeSection {
  std::string appendix;
  std::string heading;
  std::string number_line;  ///< "Phụ lục 1": the appendix the figures are from
  std::vector<NarrativeSentence> sentences;
};

}  // namespace ntr
