#pragma once
// What header detection passed on while reading one file — tables, rows and the diagnostics
// found in between — kept compactly to be handed on later, on another thread.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/header.hpp"

namespace ntr::tables {

/// A run of recorded calls, in the order they were made.
class Chunk {
 public:
  /// Makes the recorded calls on `out` and adds the recorded diagnostics to `diags`, each at
  /// its place among the calls.
  void replay(TableVisitor& out, Diagnostics& diags);
  /// Memory held, roughly.
  [[nodiscard]] std::size_t bytes() const;
  /// Large enough to be handed on.
  [[nodiscard]] bool full() const;
  [[nodiscard]] bool empty() const { return events_.empty(); }

 private:
  friend class Recorder;
  enum class Kind : std::uint8_t { begin_table, row, end_table, no_table, diagnostic };
  struct Event {
    Kind kind = Kind::row;
    std::uint32_t row = 0;
    std::size_t first = 0;  ///< row: first cell; others: index into their vector
    std::size_t count = 0;  ///< row: number of cells
  };
  struct Cell {
    std::uint32_t col = 0;
    CellType type = CellType::empty;
    std::size_t offset = 0, size = 0;
  };
  std::vector<Event> events_;
  std::vector<Cell> cells_;
  std::string text_;
  std::vector<TableHeader> headers_;
  std::vector<SheetInfo> sheets_;
  std::vector<Diagnostic> diagnostics_;
};

/// A TableVisitor that records; full chunks go to `sink` as they fill, the rest on finish().
/// The diagnostics of the reading go to `local`, whose new entries are recorded before each
/// call, so that they keep their place among the calls.
class Recorder final : public TableVisitor {
 public:
  using Sink = std::function<void(Chunk&&)>;
  Recorder(Diagnostics& local, Sink sink) : local_(local), sink_(std::move(sink)) {}

  /// Starts a file: `local` was just emptied.
  void start() { taken_ = 0; }
  /// Records the diagnostics left and hands on the last chunk.
  void finish();

  void begin_table(const TableHeader& header) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_table() override;
  void no_table(const SheetInfo& sheet) override;

 private:
  void take_diagnostics();
  void add(Chunk::Kind kind, std::uint32_t row, std::size_t first, std::size_t count);

  Diagnostics& local_;
  Sink sink_;
  std::size_t taken_ = 0;  ///< diagnostics of local_ already recorded
  Chunk chunk_;
};

}  // namespace ntr::tables
