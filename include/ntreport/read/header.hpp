#pragma once
// Finds the header of each sheet by its Vietnamese header texts (docs/spec.md §2.4, §3.1):
// title rows above it are skipped, one or two header rows are understood (upper cells merged
// over their children), and the rows below are passed on as the table's body.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ntreport/model/fields.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// note: a column known to hold no figure ("Ghi chú"), read by no one.
enum class ColumnRole : std::uint8_t { code, name, stt, field, rate, note };

/// What a header text names, or nothing when it is not a known header.
struct HeaderMeaning {
  ColumnRole role = ColumnRole::stt;
  Field field = Field::docs_in;    ///< role == field
  Rate rate = Rate::signed_ratio;  ///< role == rate
};
/// A header text the detector knows, and what it names.
struct KnownHeader {
  std::string text;
  HeaderMeaning meaning;
};
/// Every header text the detector knows: those of data/headers.csv (compiled in), in its
/// order, then those use_headers() added.
const std::vector<KnownHeader>& known_headers();

/// The headers of a headers file (data/headers.csv's format: columns `key`, a field or rate
/// key or name, code, stt, note, and `header`, a text naming it) that `before` does not hold.
/// A key that names nothing, a row without text, or a text whose match key already names
/// something else (in `before` or above) is a config-error at its cell.
std::vector<KnownHeader> parse_header_list(const OwnedSheet& sheet,
                                           std::span<const KnownHeader> before, Diagnostics& diags);

/// From now on the detector knows the shipped headers and `extra` (a province's, from
/// parse_header_list). Called before any input is read: the detectors of reading threads
/// share the list.
void use_headers(std::vector<KnownHeader> extra);

/// Looks a header text up among the known headers (compared by match_key).
std::optional<HeaderMeaning> lookup_header(std::string_view text);

/// The known header closest to `text` (fewest edits between their keys), as printed, with
/// what it names ("the figure \"Qua mạng\""); nothing for a text of more than 60 characters
/// or without a header within half its length.
std::optional<std::pair<std::string, std::string>> nearest_header(std::string_view text);

/// What a column carries, for messages: "the figure \"Qua mạng\"", "unit names", …
std::string meaning_name(const HeaderMeaning& m);

struct HeaderColumn {
  std::uint32_t col = 0;
  HeaderMeaning meaning;
  std::string text;  ///< as printed; "Tiếp nhận – Qua mạng" when under a group header
};

/// A header cell that names no known column: its column is not read.
struct UnknownColumn {
  std::uint32_t row = 0, col = 0;
  std::string text;  ///< the cell's text, at most kMaxUnknownText bytes
};

struct TableHeader {
  SheetInfo sheet;
  std::uint32_t first_row = 0;        ///< first header row
  std::uint32_t last_row = 0;         ///< last header row; the body starts below it
  std::vector<HeaderColumn> columns;  ///< known columns only, sorted by column
  /// the first kMaxUnknownColumns header cells that name no known column, sorted by column
  std::vector<UnknownColumn> unknown;
  std::uint32_t unknown_count = 0;  ///< all of them
  static constexpr std::size_t kMaxUnknownColumns = 100;
  static constexpr std::size_t kMaxUnknownText = 200;

  /// The column of a role (code, name, stt), if any.
  [[nodiscard]] const HeaderColumn* find(ColumnRole role) const;
  /// The column of a field, if any.
  [[nodiscard]] const HeaderColumn* find(Field field) const;
};

/// Receives the tables found in the sheets of one input.
class TableVisitor {
 public:
  virtual ~TableVisitor() = default;
  virtual void begin_table(const TableHeader& header) = 0;
  /// A body row, as the reader gave it.
  virtual void row(std::uint32_t row, std::span<const CellView> cells) = 0;
  virtual void end_table() = 0;
  /// A sheet in which no header was found.
  virtual void no_table(const SheetInfo& sheet) = 0;
};

/// A SheetVisitor that finds each sheet's header and forwards the body to a TableVisitor.
/// Header problems (no-unit-column, duplicate-column) go to diags; such a sheet is skipped.
/// Body rows are passed on as the reader gave them, without a copy.
class HeaderDetector final : public SheetVisitor {
 public:
  HeaderDetector(TableVisitor& out, Diagnostics& diags);
  ~HeaderDetector() override;
  HeaderDetector(const HeaderDetector&) = delete;
  HeaderDetector& operator=(const HeaderDetector&) = delete;

  void begin_sheet(const SheetInfo& sheet) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_sheet(std::span<const MergedRange> merges) override;

  /// Rows scanned for a header before a sheet is declared header-less.
  static constexpr std::size_t kScanRows = 40;

 private:
  enum class State : std::uint8_t { scanning, body, skipping };
  struct Scan;  // the rows seen while scanning, and the header texts already looked up
  /// A column of a candidate header: the trimmed texts of its upper and lower cell.
  struct HeaderTexts {
    std::uint32_t col = 0;
    std::string_view up, lo;
  };
  void try_detect(bool at_end);
  bool accept_header(std::size_t first, std::size_t last);
  void flush_after(std::size_t last);

  TableVisitor& out_;
  Diagnostics& diags_;
  SheetInfo sheet_;
  State state_ = State::scanning;
  std::unique_ptr<Scan> scan_;
  std::vector<HeaderTexts> texts_;  ///< scratch of accept_header
  std::uint32_t header_last_row_ = 0;
  bool numbering_checked_ = false;
};

}  // namespace ntr
