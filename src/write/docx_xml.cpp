#include "docx_xml.hpp"

#include <fmt/format.h>

namespace ntr::docx {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (c < 0x20 && ch != '\t') break;  // XML 1.0 has no other C0 controls
        out += ch;
    }
  }
  return out;
}

std::string run(std::string_view text, bool bold, bool italic, int size) {
  std::string rpr;
  if (bold) rpr += "<w:b/>";
  if (italic) rpr += "<w:i/>";
  if (size > 0) rpr += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", size);
  return fmt::format("<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",  // not a message: XML
                     rpr.empty() ? std::string() : "<w:rPr>" + rpr + "</w:rPr>", escape(text));
}

std::string paragraph_runs(const std::string& runs, const Para& p, std::string_view extra_ppr) {
  std::string ppr;
  if (p.keep_next) ppr += "<w:keepNext/>";
  if (p.page_break) ppr += "<w:pageBreakBefore/>";
  if (p.space_after >= 0) ppr += fmt::format("<w:spacing w:after=\"{}\"/>", p.space_after);
  if (p.indent != 0 || p.first_line != 0)
    ppr += fmt::format("<w:ind w:left=\"{}\" w:firstLine=\"{}\"/>", p.indent, p.first_line);
  ppr += fmt::format("<w:jc w:val=\"{}\"/>", p.align);
  ppr += extra_ppr;
  return fmt::format("<w:p><w:pPr>{}</w:pPr>{}</w:p>", ppr, runs);
}

std::string paragraph(std::string_view text, const Para& p) {
  return paragraph_runs(text.empty() ? std::string() : run(text, p.bold, p.italic, p.size), p);
}

std::string section(bool landscape) {
  // A4 is 11906 × 16838 twips; margins top and bottom 2 cm, left 3 cm, right 1.5 cm.
  return fmt::format(
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
      "<w:pgSz w:w=\"{}\" w:h=\"{}\"{}/>"
      "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" "
      "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
      landscape ? 16838 : 11906, landscape ? 11906 : 16838,
      landscape ? " w:orient=\"landscape\"" : "");
}

}  // namespace ntr::docx
