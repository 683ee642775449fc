// The last step of phu-luc.xlsx, once libxlsxwriter has closed it: the table rows written
// beside it go into their worksheets and the combined charts into their parts, in one rewrite
// of the file by libzip, which copies every other part as it is. The worksheets are deflated
// here as libxlsxwriter deflates its parts, several at once, and handed to libzip deflated; the
// rewritten parts keep the fixed 1980 date of the others, so the workbook stays byte-identical
// from run to run.
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <optional>
#include <thread>

#include "ntreport/platform/files.hpp"
#include "ntreport/text/translate.hpp"
#include "xlsx_rows.hpp"

namespace ntr::xlsx {

namespace {

std::string zip_message(zip_t* archive) { return zip_strerror(archive); }

std::optional<std::string> read_entry(zip_t* archive, zip_uint64_t index) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive, index, 0, &st) != 0) return std::nullopt;
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* file = zip_fopen_index(archive, index, 0);
  if (file == nullptr) return std::nullopt;
  const zip_int64_t n = zip_fread(file, out.data(), st.size);
  zip_fclose(file);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

// 1980-01-01 00:00 on the local clock, which libzip turns back into the DOS date of every
// other part whatever the time zone.
std::time_t dos_epoch() {
  std::tm tm{};
  tm.tm_year = 80;
  tm.tm_mday = 1;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

// A part libzip takes as it is: deflated already (in a file), with its size and CRC-32.
struct Reading {
  const DeflatedPart* part;
  int fd = -1;
  zip_error_t error{};
};

zip_int64_t deflated_source(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* r = static_cast<Reading*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN: {
      platform::Kind kind = platform::Kind::missing;
      r->fd = platform::open_regular(r->part->path, kind);
      if (r->fd >= 0) return 0;
      zip_error_set(&r->error, ZIP_ER_OPEN, errno);
      return -1;
    }
    case ZIP_SOURCE_READ: {
      const std::int64_t n = platform::read_some(r->fd, data, static_cast<std::size_t>(len));
      if (n < 0) zip_error_set(&r->error, ZIP_ER_READ, errno);
      return n;
    }
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                  ZIP_STAT_ENCRYPTION_METHOD;
      st->size = r->part->size;
      st->comp_size = r->part->deflated_size;
      st->comp_method = ZIP_CM_DEFLATE;
      st->crc = r->part->crc;
      st->encryption_method = ZIP_EM_NONE;
      return sizeof(*st);
    }
    case ZIP_SOURCE_CLOSE:
      if (r->fd >= 0) platform::close(r->fd);
      r->fd = -1;
      return 0;
    case ZIP_SOURCE_FREE:
      if (r->fd >= 0) platform::close(r->fd);
      zip_error_fini(&r->error);
      delete r;  // NOLINT(cppcoreguidelines-owning-memory): made by deflated_source_new
      return 0;
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&r->error, data, len);
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

zip_source_t* deflated_source_new(zip_t* archive, const DeflatedPart& part) {
  auto* r = new Reading{&part};  // NOLINT(cppcoreguidelines-owning-memory): libzip frees it
  zip_error_init(&r->error);
  zip_source_t* source = zip_source_function(archive, deflated_source, r);
  if (source == nullptr) {
    zip_error_fini(&r->error);
    delete r;  // NOLINT(cppcoreguidelines-owning-memory)
  }
  return source;
}

// Each sheet's part with its rows, deflated: sheet i on thread i % threads.
bool deflate_sheets(const std::vector<SplicedSheet>& sheets, const std::vector<std::string>& heads,
                    const std::vector<std::string>& tails, unsigned threads,
                    std::vector<DeflatedPart>& parts, std::string& message) {
  parts.assign(sheets.size(), DeflatedPart{});
  std::vector<std::string> errors(sheets.size());
  std::vector<char> ok(sheets.size(), 0);
  auto run = [&](std::size_t first, std::size_t step) {
    for (std::size_t i = first; i < sheets.size(); i += step) {
      ok[i] = deflate_part(heads[i], *sheets[i].rows, tails[i], parts[i], errors[i]) ? 1 : 0;
    }
  };
  const std::size_t step =
      std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(sheets.size(), 1));
  {
    std::vector<std::jthread> others;
    for (std::size_t t = 1; t < step; ++t) others.emplace_back(run, t, step);
    run(0, step);
  }
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (ok[i] == 0) {
      message = fmt::format("xl/worksheets/sheet{}.xml: {}", sheets[i].sheet_number, errors[i]);
      return false;
    }
  }
  return true;
}

}  // namespace

bool patch_package(const std::string& path, const std::vector<SplicedSheet>& sheets,
                   const std::vector<ChartLines>& charts, unsigned threads, std::string& message) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), 0, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return false;
  }
  auto fail = [&](std::string why) {
    message = std::move(why);
    zip_discard(archive);
    return false;
  };
  auto locate = [&](const std::string& name) -> std::optional<zip_uint64_t> {
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
  };
  auto replace = [&](zip_uint64_t index, zip_source_t* source) {
    if (source == nullptr) return false;
    if (zip_file_replace(archive, index, source, 0) < 0) {
      zip_source_free(source);
      return false;
    }
    return zip_file_set_mtime(archive, index, dos_epoch(), 0) == 0;
  };
  // The worksheets: cut where their rows go (one at a time: libzip reads), then deflated.
  std::vector<zip_uint64_t> sheet_index;
  std::vector<std::string> heads(sheets.size()), tails(sheets.size());
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string name = fmt::format("xl/worksheets/sheet{}.xml", sheets[i].sheet_number);
    const auto index = locate(name);
    if (!index) return fail(trf("no part {}", name));
    const auto xml = read_entry(archive, *index);
    if (!xml) return fail(fmt::format("{}: {}", name, zip_message(archive)));
    if (!cut_worksheet(*xml, sheets[i], heads[i], tails[i]))
      return fail(fmt::format("{}: {}", name, tr("not the worksheet written")));
    sheet_index.push_back(*index);
  }
  std::vector<DeflatedPart> deflated;
  if (!deflate_sheets(sheets, heads, tails, threads, deflated, message)) return fail(message);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (!replace(sheet_index[i], deflated_source_new(archive, deflated[i])))
      return fail(zip_message(archive));
  }
  std::vector<std::string> parts;  // the new chart parts, alive until the archive is closed
  parts.reserve(charts.size());
  for (const ChartLines& chart : charts) {
    if (chart.lines.empty()) continue;
    const std::string name = fmt::format("xl/charts/chart{}.xml", chart.chart_number);
    const auto index = locate(name);
    if (!index) return fail(trf("no part {}", name));
    auto xml = read_entry(archive, *index);
    if (!xml) return fail(fmt::format("{}: {}", name, zip_message(archive)));
    std::string why;
    if (!patch_chart(*xml, chart, why)) return fail(fmt::format("{}: {}", name, why));
    parts.push_back(std::move(*xml));
    if (!replace(*index, zip_source_buffer(archive, parts.back().data(), parts.back().size(), 0)))
      return fail(zip_message(archive));
  }
  if (zip_close(archive) < 0) return fail(zip_message(archive));
  return true;
}

bool combine_chart_lines(const std::string& path, const std::vector<ChartLines>& charts,
                         std::string& message) {
  return patch_package(path, {}, charts, 1, message);
}

}  // namespace ntr::xlsx
