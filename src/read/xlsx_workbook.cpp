#include "xlsx_workbook.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ntreport/text/translate.hpp"

namespace ntr::xlsx {

namespace {

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
  bool external = false;
};

// Collects the `<Relationship>` elements of a `.rels` part.
class RelsHandler final : public XmlHandler {
 public:
  RelsHandler(std::vector<Relationship>& rels, PartSource& source, const std::string& part)
      : rels_(rels), source_(source), part_(part) {}

  void on_start(std::string_view name, const char** attrs) override {
    if (++depth_ != 2 || name != "Relationship") return;
    if (rels_.size() == source_.limits().max_zip_entries) {
      source_.error("input-too-large", source_.file_loc(),
                    trf("part \"{}\" holds more than {} relationships, the limit for one part",
                        part_, source_.limits().max_zip_entries),
                    std::string(tr(kSizeHint)));
      return stop();
    }
    const char* id = find_attr(attrs, "Id");
    const char* type = find_attr(attrs, "Type");
    const char* target = find_attr(attrs, "Target");
    const char* mode = find_attr(attrs, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    rels_.push_back(
        Relationship{id, type, target, mode != nullptr && mode == std::string_view("External")});
  }
  void on_end(std::string_view /*name*/) override { --depth_; }

 private:
  std::vector<Relationship>& rels_;
  PartSource& source_;
  const std::string& part_;
  int depth_ = 0;
};

struct SheetRef {
  std::string name;
  std::string rel_id;
  bool hidden = false;
};

// Collects `<sheets><sheet name=… r:id=…/>` in document order.
class WorkbookHandler final : public XmlHandler {
 public:
  WorkbookHandler(std::vector<SheetRef>& sheets, PartSource& source, const std::string& part)
      : sheets_(sheets), source_(source), part_(part) {}

  void on_start(std::string_view name, const char** attrs) override {
    ++depth_;
    if (depth_ == 1 && name != "workbook") {
      // A Word or PowerPoint file renamed to .xlsx names its own main part.
      source_.error("not-a-workbook", source_.file_loc(),
                    trf("not an XLSX workbook: its main part \"{}\" holds a <{}>, not a "
                        "<workbook>",
                        part_, name),
                    std::string(tr("it may be a Word or PowerPoint file named .xlsx")));
      return stop();
    }
    if (depth_ == 2 && name == "sheets") in_sheets_ = true;
    if (depth_ != 3 || !in_sheets_ || name != "sheet") return;
    const char* sheet_name = find_attr(attrs, "name");
    const char* rel_id = find_prefixed_attr(attrs, "id");
    if (sheets_.size() == source_.limits().max_sheets) {
      source_.error("input-too-large", source_.file_loc(),
                    trf("the workbook has more than {} sheets, the limit for one workbook",
                        source_.limits().max_sheets),
                    std::string(tr(kSizeHint)));
      return stop();
    }
    if (sheet_name == nullptr || rel_id == nullptr) {
      source_.error(
          "not-a-workbook", source_.file_loc(),
          sheet_name == nullptr
              ? trf("sheet {} in part \"{}\" has no name", sheets_.size() + 1, part_)
              : trf("sheet {} in part \"{}\" has no relationship id", sheets_.size() + 1, part_));
      return stop();
    }
    const char* state = find_attr(attrs, "state");
    const bool hidden = state != nullptr && std::string_view(state) != "visible";
    sheets_.push_back(SheetRef{sheet_name, rel_id, hidden});
  }
  void on_end(std::string_view /*name*/) override {
    if (depth_-- == 2) in_sheets_ = false;
  }

 private:
  std::vector<SheetRef>& sheets_;
  PartSource& source_;
  const std::string& part_;
  int depth_ = 0;
  bool in_sheets_ = false;
};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The workbook part the package relationships name, or the usual one when they name none.
bool find_workbook_part(PartSource& source, std::string& part) {
  part = "xl/workbook.xml";
  const std::string rels_part = "_rels/.rels";
  if (!source.has_part(rels_part)) return true;
  std::vector<Relationship> rels;
  RelsHandler handler(rels, source, rels_part);
  if (!source.parse(rels_part, source.file_loc(), handler)) return false;
  for (const auto& r : rels) {
    if (r.external || !ends_with(r.type, "/officeDocument")) continue;
    if (!resolve_target("", r.target, part)) {
      source.error(
          "not-a-workbook", source.file_loc(),
          trf("part \"{}\" names the workbook \"{}\", outside the package", rels_part, r.target));
      return false;
    }
    break;
  }
  return true;
}

const Relationship* find_rel(const std::vector<Relationship>& sorted, std::string_view id) {
  const auto it =
      std::lower_bound(sorted.begin(), sorted.end(), id,
                       [](const Relationship& r, std::string_view k) { return r.id < k; });
  return it != sorted.end() && it->id == id ? &*it : nullptr;
}

bool add_sheets(PartSource& source, const std::vector<SheetRef>& sheets,
                std::vector<Relationship>& rels, const std::string& workbook,
                WorkbookLayout& layout) {
  std::stable_sort(rels.begin(), rels.end(),
                   [](const Relationship& a, const Relationship& b) { return a.id < b.id; });
  const std::string rels_part = rels_part_for(workbook);
  const std::string base = folder_of(workbook);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (sheets[i].rel_id.empty()) {  // Excel lists its macro sheets so: nothing to read
      layout.skipped.push_back(SheetEntry{sheets[i].name, {}, static_cast<std::uint32_t>(i)});
      continue;
    }
    const Relationship* rel = find_rel(rels, sheets[i].rel_id);
    if (rel == nullptr || rel->external) {
      source.error("not-a-workbook", source.file_loc(),
                   trf("sheet '{}' refers to relationship \"{}\", which part \"{}\" does not "
                       "define",
                       sheets[i].name, sheets[i].rel_id, rels_part));
      return false;
    }
    if (!ends_with(rel->type, "/worksheet")) continue;  // chartsheets, dialogsheets, macros
    SheetEntry entry{sheets[i].name, {}, static_cast<std::uint32_t>(i), sheets[i].hidden};
    if (!resolve_target(base, rel->target, entry.part)) {
      source.error(
          "not-a-workbook", source.file_loc(),
          trf("sheet '{}' refers to \"{}\", outside the package", sheets[i].name, rel->target));
      return false;
    }
    layout.sheets.push_back(std::move(entry));
  }
  return true;
}

}  // namespace

std::string rels_part_for(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::size_t file = slash == std::string_view::npos ? 0 : slash + 1;
  return fmt::format("{}_rels/{}.rels", part.substr(0, file), part.substr(file));
}

bool resolve_target(std::string_view base, std::string_view target, std::string& part) {
  const std::string decoded = percent_decode(target);
  std::string_view path = decoded;
  std::string joined;
  if (!path.empty() && path.front() == '/') {
    path.remove_prefix(1);
  } else {
    joined = fmt::format("{}{}", base, path);
    path = joined;
  }
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view seg = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (seg == "..") {
      if (segments.empty()) return false;
      segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
  }
  if (segments.empty()) return false;
  part.clear();
  for (const auto seg : segments) {
    if (!part.empty()) part += '/';
    part += seg;
  }
  return true;
}

bool read_layout(PartSource& source, WorkbookLayout& layout) {
  std::string workbook;
  if (!find_workbook_part(source, workbook)) return false;
  std::vector<SheetRef> sheets;
  WorkbookHandler handler(sheets, source, workbook);
  if (!source.parse(workbook, source.file_loc(), handler)) return false;
  layout.workbook = workbook;
  const std::string rels_part = rels_part_for(workbook);
  if (sheets.empty() && !source.has_part(rels_part)) return true;
  std::vector<Relationship> rels;
  RelsHandler rels_handler(rels, source, rels_part);
  if (!source.parse(rels_part, source.file_loc(), rels_handler)) return false;
  for (const auto& r : rels) {
    if (r.external || !ends_with(r.type, "/sharedStrings")) continue;
    if (!resolve_target(folder_of(workbook), r.target, layout.shared_strings)) {
      source.error("not-a-workbook", source.file_loc(),
                   trf("the shared strings \"{}\" lie outside the package", r.target));
      return false;
    }
    break;
  }
  return add_sheets(source, sheets, rels, workbook, layout);
}

}  // namespace ntr::xlsx
