#pragma once
// Compact storage for a registry of a whole country (100,000 units and more): the strings of
// every unit in a few large blocks, and name keys found through one open-addressing table of
// hashes instead of a node and two allocations per key.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ntr {

/// Strings that never move once added: views of them stay valid while the store grows and
/// when it is moved, for as long as the store lives.
class StringStore {
 public:
  /// A stable copy of `s`.
  std::string_view add(std::string_view s);

 private:
  static constexpr std::size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = kBlock;  ///< bytes used of the last block
};

/// Keys (normalized names) to the units they name: every key once, its units sorted.
class NameIndex {
 public:
  using Id = std::int32_t;

  /// Adds `id` to the units of `key`, keeping them sorted and distinct.
  void add(std::string_view key, Id id);
  /// The units of `key`, sorted; empty when the key is unknown.
  [[nodiscard]] std::span<const Id> find(std::string_view key) const;
  /// Calls `f(key, units)` for every key, in the order the keys were first added.
  template <class F>
  void for_each(F&& f) const {
    for (const Entry& e : entries_) f(key_of(e), ids_of(e));
  }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  /// Makes room for `keys` keys, so that adding them neither copies nor rehashes.
  void reserve(std::size_t keys);

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  struct Entry {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  ///< of the key in keys_
    std::uint32_t size = 0;
    Id first = 0;                ///< the unit, when it is the only one
    std::uint32_t more = kNone;  ///< else all of them: an index into more_
  };
  [[nodiscard]] std::string_view key_of(const Entry& e) const {
    return std::string_view(keys_).substr(e.offset, e.size);
  }
  [[nodiscard]] std::span<const Id> ids_of(const Entry& e) const {
    if (e.more == kNone) return {&e.first, 1};
    return more_[e.more];
  }
  /// The slot holding `key`, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(std::string_view key, std::uint64_t hash) const;
  void rehash(std::size_t n);

  std::string keys_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  ///< entry index + 1; 0 is an empty slot
  std::vector<std::vector<Id>> more_;
};

}  // namespace ntr
