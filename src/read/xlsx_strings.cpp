#include "xlsx_strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "ntreport/text/translate.hpp"
#include "xlsx_text.hpp"

namespace ntr::xlsx {

// Collects `<si>` items: plain `<t>` or the `<t>` of each rich-text run `<r>`, leaving out
// phonetic runs `<rPh>` and anything else an item holds.
class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& table, PartSource& source, const std::string& part)
      : table_(table), source_(source), part_(part) {}

  void on_start(std::string_view name, const char** /*attrs*/) override {
    ++depth_;
    if (skip_ > 0) {
      ++skip_;
      return;
    }
    switch (depth_) {
      case 1:  // <sst>
        return;
      case 2:
        if (name != "si") break;
        in_item_ = true;
        item_start_ = table_.arena_.size();
        return;
      case 3:
        if (name == "t") return want_text(true);
        if (name != "r") break;
        in_run_ = true;
        return;
      case 4:
        if (in_run_ && name == "t") return want_text(true);
        break;
      default:
        break;
    }
    skip_ = 1;  // phonetic runs, run properties, extensions
  }

  void on_end(std::string_view /*name*/) override {
    --depth_;
    if (skip_ > 0) {
      --skip_;
      return;
    }
    want_text(false);
    if (depth_ == 2) in_run_ = false;
    if (depth_ == 1 && in_item_) finish_item();
  }

  void on_text(std::string_view text) override {
    table_.arena_.append(text);
    const std::uint64_t limit = source_.limits().max_text_bytes;
    if (table_.arena_.size() - item_start_ <= limit) return;
    source_.error("text-too-large", source_.file_loc(),
                  trf("shared string {} in part \"{}\" holds more than {} of text, the limit "
                      "for one cell",
                      table_.ends_.size(), part_, byte_size(limit)),
                  std::string(tr(kSizeHint)));
    stop();
  }

 private:
  void finish_item() {
    in_item_ = false;
    std::string& arena = table_.arena_;
    const std::size_t len =
        unescape_xstring(arena.data() + item_start_, arena.size() - item_start_);
    arena.resize(item_start_ + len);
    const ReadLimits& limits = source_.limits();
    if (table_.ends_.size() == limits.max_shared_strings) {
      return too_large(
          trf("part \"{}\" holds more than {} shared strings, the limit for one workbook", part_,
              limits.max_shared_strings));
    }
    // The table is kept while the sheets are read: its text is bounded as a whole, not only
    // string by string. Offsets are 32-bit, so the bound stays below 4 GiB whatever the limit.
    if (arena.size() > std::min<std::uint64_t>(limits.max_shared_bytes, UINT32_MAX)) {
      return too_large(
          trf("part \"{}\" holds more than {} of shared strings, the limit for one workbook", part_,
              byte_size(limits.max_shared_bytes)));
    }
    table_.ends_.push_back(static_cast<std::uint32_t>(arena.size()));
  }

  void too_large(std::string message) {
    source_.error("input-too-large", source_.file_loc(), std::move(message),
                  std::string(tr(kSizeHint)));
    stop();
  }

  SharedStrings& table_;
  PartSource& source_;
  const std::string& part_;
  int depth_ = 0;
  int skip_ = 0;
  bool in_item_ = false;
  bool in_run_ = false;
  std::size_t item_start_ = 0;
};

bool SharedStrings::load(PartSource& source, const std::string& name) {
  arena_.clear();
  ends_.clear();
  SharedStringsHandler handler(*this, source, name);
  return source.parse(name, source.file_loc(), handler);
}

}  // namespace ntr::xlsx
