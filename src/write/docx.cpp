// The package of bao-cao.docx: its fixed parts, the document, and the zip they go into.
#include "ntreport/write/docx.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <chrono>
#include <cstring>

#include "docx_xml.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr std::string_view kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kDocRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string content_types() {
  constexpr std::string_view kWml =
      "application/vnd.openxmlformats-officedocument.wordprocessingml";
  return fmt::format(  // not a message: the document's XML
      "{0}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"{1}.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" ContentType=\"{1}.styles+xml\"/>"
      "<Override PartName=\"/word/settings.xml\" ContentType=\"{1}.settings+xml\"/>"
      "<Override PartName=\"/word/footer1.xml\" ContentType=\"{1}.footer+xml\"/>"
      "</Types>",
      kXmlHead, kWml);
}

std::string package_rels() {
  return fmt::format(  // not a message: the document's XML
      "{}<Relationships xmlns=\"{}\"><Relationship Id=\"rId1\" Type=\"{}/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>",
      kXmlHead, kRels, kDocRel);
}

std::string document_rels() {
  return fmt::format(  // not a message: the document's XML
      "{0}<Relationships xmlns=\"{1}\">"
      "<Relationship Id=\"rIdStyles\" Type=\"{2}/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdSettings\" Type=\"{2}/settings\" Target=\"settings.xml\"/>"
      "<Relationship Id=\"rIdFooter\" Type=\"{2}/footer\" Target=\"footer1.xml\"/>"
      "</Relationships>",
      kXmlHead, kRels, kDocRel);
}

// Times New Roman throughout (Decree 30/2020/NĐ-CP), 14 pt text, Vietnamese.
std::string styles() {
  return fmt::format(  // not a message: the document's XML
      "{}<w:styles xmlns:w=\"{}\"><w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
      "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
      "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
      "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/>"
      "<w:szCs w:val=\"28\"/></w:rPr></w:style></w:styles>",
      kXmlHead, kW);
}

std::string settings() {
  return fmt::format(  // not a message: the document's XML
      "{}<w:settings xmlns:w=\"{}\"><w:defaultTabStop w:val=\"720\"/>"
      "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
      "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
      "w:val=\"15\"/></w:compat></w:settings>",
      kXmlHead, kW);
}

// The page number, centred at the foot of every page.
std::string footer() {
  return fmt::format(  // not a message: the document's XML
      "{}<w:ftr xmlns:w=\"{}\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
      "<w:fldSimple w:instr=\"PAGE\"><w:r><w:rPr><w:sz w:val=\"24\"/></w:rPr><w:t>1</w:t></w:r>"
      "</w:fldSimple></w:p></w:ftr>",
      kXmlHead, kW);
}

// The MS-DOS date and time of `seconds` in UTC (zip entries have no time zone): never the
// local time, which would change the bytes with TZ.
std::pair<zip_uint16_t, zip_uint16_t> dos_time(std::int64_t seconds) {
  using namespace std::chrono;
  const auto days = sys_days{} + std::chrono::days{seconds / 86400};
  const year_month_day ymd{days};
  const int year = std::max(1980, std::min(2107, static_cast<int>(ymd.year())));
  const auto date = static_cast<zip_uint16_t>((static_cast<unsigned>(year - 1980) << 9) |
                                              (static_cast<unsigned>(ymd.month()) << 5) |
                                              static_cast<unsigned>(ymd.day()));
  return {0, date};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> docx_parts(const BuildReport& report) {
  return {{"[Content_Types].xml", content_types()},
          {"_rels/.rels", package_rels()},
          {"word/document.xml", docx_document(report)},
          {"word/_rels/document.xml.rels", document_rels()},
          {"word/styles.xml", styles()},
          {"word/settings.xml", settings()},
          {"word/footer1.xml", footer()}};
}

bool write_docx(const std::string& path, const BuildReport& report, const DocxOptions& options,
                Diagnostics& diags) {
  const auto parts = docx_parts(report);
  const auto fail = [&](const std::string& why) {
    diags.error("io-error", SourceLoc{path, {}, 0, 0, 0, false},
                trf("cannot write the Word document: {}", why));
    return false;
  };
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    zip_error_t e;
    zip_error_init_with_code(&e, err);
    const std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    return fail(why);
  }
  const auto [dtime, ddate] = dos_time(options.created);
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    const zip_int64_t idx =
        src == nullptr ? -1 : zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      if (src != nullptr) zip_source_free(src);
      const std::string why = zip_strerror(za);
      zip_discard(za);
      return fail(why);
    }
    const auto i = static_cast<zip_uint64_t>(idx);
    zip_file_set_dostime(za, i, dtime, ddate, 0);
    zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, 0100644U << 16);
    zip_set_file_compression(za, i, ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(za) != 0) {
    const std::string why = zip_strerror(za);
    zip_discard(za);
    return fail(why);
  }
  return true;
}

}  // namespace ntr
