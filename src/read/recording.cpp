#include "recording.hpp"

#include <utility>

namespace ntr::tables {

namespace {
// A chunk is handed on at about this much text or this many calls: large enough that handing
// on costs nothing per row, small enough that a large file streams through.
constexpr std::size_t kChunkText = 256 * 1024;
constexpr std::size_t kChunkEvents = 4096;
}  // namespace

void Chunk::replay(TableVisitor& out, Diagnostics& diags) {
  std::vector<CellView> views;
  for (const Event& e : events_) {
    switch (e.kind) {
      case Kind::begin_table:
        out.begin_table(headers_[e.first]);
        break;
      case Kind::row:
        views.clear();
        for (std::size_t i = e.first; i < e.first + e.count; ++i) {
          const Cell& c = cells_[i];
          views.push_back(
              CellView{c.col, c.type, std::string_view(text_).substr(c.offset, c.size)});
        }
        out.row(e.row, views);
        break;
      case Kind::end_table:
        out.end_table();
        break;
      case Kind::no_table:
        out.no_table(sheets_[e.first]);
        break;
      case Kind::diagnostic:
        diags.add(std::move(diagnostics_[e.first]));
        break;
    }
  }
}

std::size_t Chunk::bytes() const {
  return events_.capacity() * sizeof(Event) + cells_.capacity() * sizeof(Cell) + text_.capacity() +
         (headers_.size() + sheets_.size() + diagnostics_.size()) * 256;
}

bool Chunk::full() const { return text_.size() >= kChunkText || events_.size() >= kChunkEvents; }

void Recorder::take_diagnostics() {
  const auto& all = local_.all();
  for (; taken_ < all.size(); ++taken_) {
    chunk_.diagnostics_.push_back(all[taken_]);
    chunk_.events_.push_back(
        Chunk::Event{Chunk::Kind::diagnostic, 0, chunk_.diagnostics_.size() - 1, 0});
  }
}

void Recorder::add(Chunk::Kind kind, std::uint32_t row, std::size_t first, std::size_t count) {
  chunk_.events_.push_back(Chunk::Event{kind, row, first, count});
  if (chunk_.full()) sink_(std::exchange(chunk_, Chunk{}));
}

void Recorder::begin_table(const TableHeader& header) {
  take_diagnostics();
  chunk_.headers_.push_back(header);
  add(Chunk::Kind::begin_table, 0, chunk_.headers_.size() - 1, 0);
}

void Recorder::row(std::uint32_t row, std::span<const CellView> cells) {
  take_diagnostics();
  const std::size_t first = chunk_.cells_.size();
  for (const auto& c : cells) {
    chunk_.cells_.push_back(Chunk::Cell{c.col, c.type, chunk_.text_.size(), c.text.size()});
    chunk_.text_.append(c.text);
  }
  add(Chunk::Kind::row, row, first, cells.size());
}

void Recorder::end_table() {
  take_diagnostics();
  add(Chunk::Kind::end_table, 0, 0, 0);
}

void Recorder::no_table(const SheetInfo& sheet) {
  take_diagnostics();
  chunk_.sheets_.push_back(sheet);
  add(Chunk::Kind::no_table, 0, chunk_.sheets_.size() - 1, 0);
}

void Recorder::finish() {
  take_diagnostics();
  if (!chunk_.empty()) sink_(std::exchange(chunk_, Chunk{}));
}

}  // namespace ntr::tables
