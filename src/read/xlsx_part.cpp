#include "xlsx_part.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ntreport/text/translate.hpp"

namespace ntr::xlsx {

namespace {

// Large enough that expat and inflate work in bulk, small enough to stay in cache.
constexpr int kChunk = 64 * 1024;

// Column 0 means the column is not meaningful (expat places a DOCTYPE at its subset).
std::string position(const std::string& name, std::uint64_t line, std::uint64_t column) {
  if (column == 0) return trf("part \"{}\", line {}", name, line);
  return trf("part \"{}\", line {}, column {}", name, line, column);
}

}  // namespace

void PartSource::error(Code code, const SourceLoc& loc, std::string message, std::string hint) {
  diags_.error(code, loc, std::move(message), std::move(hint));
}

void PartSource::xml_error(const std::string& name, const XmlHandler& at, const SourceLoc& loc,
                           std::string_view what) {
  error("malformed-xml", loc, fmt::format("{}: {}", position(name, at.line(), at.column()), what));
}

void PartSource::over_budget(const SourceLoc& loc, std::string what) {
  error("input-too-large", loc, std::move(what), std::string(tr(kSizeHint)));
}

bool PartSource::report_part(const ZipPart& part, const std::string& name, const SourceLoc& loc) {
  const std::uint64_t limit = limits_.max_part_bytes;
  switch (part.status()) {
    case PartStatus::ok:
      return true;
    case PartStatus::missing:
      error("not-a-workbook", loc, trf("the workbook has no part \"{}\"", name));
      break;
    case PartStatus::too_large:
      if (part.declared_size() > limit) {
        error("part-too-large", loc,
              trf("part \"{}\" declares {} bytes, more than the limit of {}", name,
                  part.declared_size(), byte_size(limit)),
              std::string(tr(kSizeHint)));
      } else if (part.inflated() > limit) {
        error("part-too-large", loc,
              trf("part \"{}\" inflates to more than the limit of {}", name, byte_size(limit)),
              std::string(tr(kSizeHint)));
      } else {  // the part is within its own limit, not within what the workbook has left
        over_budget(loc, trf("the parts of the workbook inflate to more than {} in all, the "
                             "limit for one workbook (at part \"{}\")",
                             byte_size(limits_.max_workbook_bytes), name));
      }
      break;
    case PartStatus::corrupt:
      error("not-a-workbook", loc, trf("cannot read part \"{}\": {}", name, part.error()));
      break;
  }
  return false;
}

bool PartSource::report_xml(XmlStatus status, const std::string& name, const SourceLoc& loc) {
  switch (status) {
    case XmlStatus::ok:
      return true;
    case XmlStatus::stopped:
      return false;
    case XmlStatus::too_many_elements:
      over_budget(loc, trf("the parts of the workbook hold more than {} XML elements in all, the "
                           "limit for one workbook (at part \"{}\")",
                           limits_.max_elements, name));
      return false;
    case XmlStatus::out_of_memory:
      over_budget(loc, trf("{}: parsing it needs more than {} of memory (elements nested too "
                           "deep, or a tag too long), the limit for one part",
                           xml_.error_line() == 0 ? trf("part \"{}\"", name)
                                                  : position(name, xml_.error_line(), 0),
                           byte_size(limits_.max_xml_memory)));
      return false;
    case XmlStatus::syntax:
    case XmlStatus::doctype:
      break;
  }
  error(
      "malformed-xml", loc,
      fmt::format("{}: {}", position(name, xml_.error_line(), xml_.error_column()), xml_.error()));
  return false;
}

bool PartSource::parse(const std::string& name, const SourceLoc& loc, XmlHandler& handler) {
  // A part may inflate to its own limit, and to no more than the workbook has left.
  const std::uint64_t left = limits_.max_workbook_bytes - inflated_;
  ZipPart part(zip_, zip_.locate(name), std::min(limits_.max_part_bytes, left));
  if (!report_part(part, name, loc)) return false;
  if (!xml_.begin(handler, limits_.max_elements - elements_, limits_.max_xml_memory)) {
    return report_xml(XmlStatus::out_of_memory, name, loc);
  }
  struct Count {  // what the part used is the workbook's, however the parse ends
    PartSource& s;
    const ZipPart& part;
    ~Count() {
      s.inflated_ += part.inflated();
      s.elements_ += s.xml_.elements();
    }
  } count{*this, part};
  for (;;) {
    void* buf = xml_.buffer(kChunk);
    if (buf == nullptr) return report_xml(XmlStatus::out_of_memory, name, loc);
    const std::int64_t n = part.read(buf, kChunk);
    if (n < 0) return report_part(part, name, loc);
    const XmlStatus status = xml_.parse(static_cast<int>(n), n == 0);
    xml_.rethrow_pending();
    if (status != XmlStatus::ok) return report_xml(status, name, loc);
    if (n == 0) return true;
  }
}

bool PartSource::count_row(const SourceLoc& loc) {
  if (++rows_ <= limits_.max_rows) return true;
  over_budget(loc, trf("the workbook has more than {} rows in all, the limit for one input",
                       limits_.max_rows));
  return false;
}

bool PartSource::count_cell(const SourceLoc& loc) {
  if (++cells_ <= limits_.max_cells) return true;
  over_budget(loc, trf("the workbook has more than {} cells holding a value in all, the limit "
                       "for one input",
                       limits_.max_cells));
  return false;
}

bool PartSource::check_declared(const std::vector<std::string>& parts) {
  const std::uint64_t limit = limits_.max_workbook_bytes;
  std::uint64_t declared = std::min(inflated_, limit);  // never more than limit
  for (const auto& name : parts) {
    const std::uint64_t size = zip_.declared_size(name);
    if (size > limits_.max_part_bytes) continue;  // refused as part-too-large when read
    if (size <= limit - declared) {
      declared += size;
      continue;
    }
    over_budget(file_loc(), trf("the parts of the workbook declare more than {} in all, the "
                                "limit for one workbook",
                                byte_size(limit)));
    return false;
  }
  return true;
}

}  // namespace ntr::xlsx
