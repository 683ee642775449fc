#include "ntreport/cli/progress.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>

#include "ntreport/platform/process.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::cli {

namespace {
constexpr std::size_t kWidth = 20;
}

Progress::Progress(bool quiet) : enabled_(!quiet && platform::stderr_is_terminal()) {}

Progress::~Progress() { clear(); }

void Progress::files(std::size_t done, std::size_t total) {
  files_done_ = done;
  files_total_ = total;
  draw();
}

void Progress::units(std::size_t reported) {
  units_ = reported;
  draw();
}

void Progress::appendices(std::size_t built) {
  appendices_ = built;
  draw();
}

std::string Progress::line() const {
  const std::size_t filled = files_total_ == 0 ? kWidth : kWidth * files_done_ / files_total_;
  auto n = [](std::size_t v) { return count_text(static_cast<std::int64_t>(v)); };
  return trf("ntreport: [{}{}] {}/{} files, {} units, {} appendices", std::string(filled, '#'),
             std::string(kWidth - filled, '.'), n(files_done_), n(files_total_), n(units_),
             n(appendices_));
}

void Progress::draw() {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\x1b[K%s", line().c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace ntr::cli
