#include "xlsx_layout_memo.hpp"

#include <memory>

namespace ntr::xlsx {

namespace {
const std::string kPackageRels = "_rels/.rels";
}  // namespace

// False when the part cannot be compared cheaply (too large, encrypted, unreadable): it is
// then read the usual way, which reports whatever is wrong with it.
bool LayoutMemo::stored(const ZipArchive& zip, const std::string& name, Stored& out) {
  out = Stored{};
  const std::int64_t index = zip.locate(name);
  if (index < 0) return true;
  const auto idx = static_cast<zip_uint64_t>(index);
  zip_stat_t st;
  zip_stat_init(&st);
  constexpr zip_uint64_t kNeeded =
      ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
  if (zip_stat_index(zip.handle(), idx, 0, &st) != 0 || (st.valid & kNeeded) != kNeeded ||
      ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) ||
      st.comp_size > kMaxPart) {
    return false;
  }
  const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen_index(zip.handle(), idx, ZIP_FL_COMPRESSED), &zip_fclose);
  if (!file) return false;
  out.bytes.resize(st.comp_size);
  const zip_int64_t n = zip_fread(file.get(), out.bytes.data(), st.comp_size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.comp_size) return false;
  out.present = true;
  out.method = st.comp_method;
  out.crc = st.crc;
  out.size = st.size;
  return true;
}

bool LayoutMemo::recall(const ZipArchive& zip, const ReadLimits& limits,
                        WorkbookLayout& layout) const {
  if (!valid_ || !(limits == limits_)) return false;
  Stored part;
  if (!stored(zip, kPackageRels, part) || part != package_rels_) return false;
  if (!stored(zip, layout_.workbook, part) || part != workbook_) return false;
  if (!stored(zip, rels_part_for(layout_.workbook), part) || part != workbook_rels_) return false;
  layout = layout_;
  return true;
}

void LayoutMemo::remember(const ZipArchive& zip, const ReadLimits& limits,
                          const WorkbookLayout& layout) {
  valid_ = stored(zip, kPackageRels, package_rels_) && stored(zip, layout.workbook, workbook_) &&
           stored(zip, rels_part_for(layout.workbook), workbook_rels_);
  limits_ = limits;
  layout_ = layout;
}

}  // namespace ntr::xlsx
