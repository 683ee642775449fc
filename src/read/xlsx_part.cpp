#include "xlsx_part.hpp"

#include <fmt/format.h>

namespace ntr::xlsx {

namespace {

// Large enough that expat and inflate work in bulk, small enough to stay in cache.
constexpr int kChunk = 64 * 1024;

// Column 0 means the column is not meaningful (expat places a DOCTYPE at its subset).
std::string position(const std::string& name, std::uint64_t line, std::uint64_t column) {
  if (column == 0) return fmt::format("part \"{}\", line {}", name, line);
  return fmt::format("part \"{}\", line {}, column {}", name, line, column);
}

}  // namespace

void PartSource::error(std::string_view code, const SourceLoc& loc, std::string message,
                       std::string hint) {
  diags_.error(code, loc, std::move(message), std::move(hint));
}

void PartSource::xml_error(const std::string& name, const XmlHandler& at, const SourceLoc& loc,
                           std::string_view what) {
  error("malformed-xml", loc, fmt::format("{}: {}", position(name, at.line(), at.column()), what));
}

bool PartSource::report_part(const ZipPart& part, const std::string& name, const SourceLoc& loc) {
  const std::uint64_t limit = limits_.max_part_bytes;
  switch (part.status()) {
    case PartStatus::ok:
      return true;
    case PartStatus::missing:
      error("not-a-workbook", loc, fmt::format("the workbook has no part \"{}\"", name));
      break;
    case PartStatus::too_large:
      if (part.declared_size() > limit) {
        error("part-too-large", loc,
              fmt::format("part \"{}\" declares {} bytes, more than the limit of {}", name,
                          part.declared_size(), byte_size(limit)),
              std::string(kSizeHint));
      } else {
        error("part-too-large", loc,
              fmt::format("part \"{}\" inflates to more than the limit of {}", name,
                          byte_size(limit)),
              std::string(kSizeHint));
      }
      break;
    case PartStatus::corrupt:
      error("not-a-workbook", loc, fmt::format("cannot read part \"{}\": {}", name, part.error()));
      break;
  }
  return false;
}

bool PartSource::parse(const std::string& name, const SourceLoc& loc, XmlHandler& handler) {
  ZipPart part(zip_, zip_.locate(name), limits_.max_part_bytes);
  if (!report_part(part, name, loc)) return false;
  if (!xml_.begin(handler)) {
    error("internal", loc, "out of memory creating an XML parser");
    return false;
  }
  for (;;) {
    void* buf = xml_.buffer(kChunk);
    if (buf == nullptr) {
      error("internal", loc, fmt::format("out of memory parsing part \"{}\"", name));
      return false;
    }
    const std::int64_t n = part.read(buf, kChunk);
    if (n < 0) return report_part(part, name, loc);
    const XmlStatus status = xml_.parse(static_cast<int>(n), n == 0);
    xml_.rethrow_pending();
    if (status == XmlStatus::stopped) return false;
    if (status != XmlStatus::ok) {
      error("malformed-xml", loc,
            fmt::format("{}: {}", position(name, xml_.error_line(), xml_.error_column()),
                        xml_.error()));
      return false;
    }
    if (n == 0) return true;
  }
}

}  // namespace ntr::xlsx
