#pragma once
// Appendix definitions, read from templates/*.toml: title, period line, columns with their
// one- or two-row headers, what each column shows, the default layout, number formats.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/model/fields.hpp"
#include "ntreport/model/layout.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct ColumnDef {
  std::string group;   ///< upper header, shared by consecutive columns
  std::string header;  ///< the column's own header
  std::string show;    ///< "stt", "name", a field key, a rate key, or a targets column
  ColumnKind kind = ColumnKind::text;
  std::string number_format;
};

struct AppendixDef {
  std::string id;     ///< "ho-so": the output file name and the --only/--layout key
  int order = 100;    ///< position among appendices (sheet order in phu-luc.xlsx)
  std::string sheet;  ///< worksheet name
  std::string title;
  std::string period;             ///< period line pattern with {from} and {to}
  Layout layout = Layout::level;  ///< level, area or targets
  std::vector<ColumnDef> columns;
  std::vector<Family> families;  ///< the families of the figures the columns show
  std::vector<Group> groups;     ///< the groups of the figures and rates the columns show
  std::string source;            ///< where the definition came from, for messages
};

/// Parses one definition. Problems (TOML syntax, unknown keys, a column showing an unknown
/// field or rate) are template-error diagnostics naming the file and line.
std::optional<AppendixDef> parse_appendix(std::string_view text, const std::string& source,
                                          Diagnostics& diags);

/// The targets-appendix columns a template may show besides "stt": "label", "baseline",
/// "target", "result", "note".
bool is_targets_column(std::string_view show);

}  // namespace ntr
