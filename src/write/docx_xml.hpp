#pragma once
// Small pieces of WordprocessingML, shared by the document and the package parts of the
// .docx writer. Private to write/.
#include <string>
#include <string_view>

namespace ntr::docx {

/// Text escaped for XML character data and attributes; characters XML 1.0 forbids dropped.
std::string escape(std::string_view text);

/// Paragraph properties of a paragraph: alignment ("left", "center", "right", "both").
struct Para {
  std::string_view align = "both";
  bool bold = false;
  bool italic = false;
  bool keep_next = false;
  int size = 0;             ///< half-points; 0: the style's
  int indent = 0;           ///< left indent, twips
  int first_line = 0;       ///< first-line indent, twips
  int space_after = -1;     ///< twips; -1: the style's
  bool page_break = false;  ///< starts on a new page
};

/// One run of text.
std::string run(std::string_view text, bool bold = false, bool italic = false, int size = 0);

/// A paragraph of one run.
std::string paragraph(std::string_view text, const Para& p);

/// A paragraph holding already-built runs.
std::string paragraph_runs(const std::string& runs, const Para& p, std::string_view extra_ppr = {});

/// Section properties: A4 portrait or landscape, the margins of Decree 30/2020/NĐ-CP, the
/// footer with the page number.
std::string section(bool landscape);

}  // namespace ntr::docx

namespace ntr {
struct BuildReport;
/// word/document.xml: the narrative, then each appendix in its own section.
std::string docx_document(const BuildReport& report);
}  // namespace ntr
