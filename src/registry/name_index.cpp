#include "ntreport/registry/name_index.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace ntr {

std::string_view StringStore::add(std::string_view s) {
  if (s.empty()) return {};
  // A long string gets a block of its own, put before the last one so that the last one
  // keeps filling up.
  if (s.size() > kBlock / 4) {
    std::unique_ptr<char[]> own(new char[s.size()]);
    std::memcpy(own.get(), s.data(), s.size());
    const std::string_view out(own.get(), s.size());
    blocks_.insert(blocks_.empty() ? blocks_.end() : blocks_.end() - 1, std::move(own));
    return out;
  }
  if (used_ + s.size() > kBlock) {
    blocks_.emplace_back(new char[kBlock]);
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  std::memcpy(at, s.data(), s.size());
  used_ += s.size();
  return std::string_view(at, s.size());
}

std::size_t NameIndex::slot_of(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint32_t s = slots_[i];
    if (s == 0) return i;
    const Entry& e = entries_[s - 1];
    if (e.hash == hash && key_of(e) == key) return i;
  }
}

// Twice as many slots as entries at least, so that probes stay short.
void NameIndex::rehash(std::size_t n) {
  slots_.assign(n, 0);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    slots_[slot_of(key_of(entries_[k]), entries_[k].hash)] = static_cast<std::uint32_t>(k + 1);
  }
}

void NameIndex::reserve(std::size_t keys) {
  entries_.reserve(keys);
  std::size_t n = 16;
  while (n < keys * 2) n *= 2;
  if (n > slots_.size()) rehash(n);
}

void NameIndex::add(std::string_view key, Id id) {
  if ((entries_.size() + 1) * 2 > slots_.size()) {
    rehash(std::max<std::size_t>(16, slots_.size() * 2));
  }
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  const std::size_t slot = slot_of(key, hash);
  if (slots_[slot] == 0) {
    if (keys_.size() + key.size() > 0xFFFFFFFFU) throw std::length_error("name index too large");
    entries_.push_back(Entry{hash, static_cast<std::uint32_t>(keys_.size()),
                             static_cast<std::uint32_t>(key.size()), id, kNone});
    keys_.append(key);
    slots_[slot] = static_cast<std::uint32_t>(entries_.size());
    return;
  }
  Entry& e = entries_[slots_[slot] - 1];
  if (e.more == kNone) {
    if (e.first == id) return;
    e.more = static_cast<std::uint32_t>(more_.size());
    more_.push_back({e.first});
  }
  std::vector<Id>& ids = more_[e.more];
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) ids.insert(it, id);
}

std::span<const NameIndex::Id> NameIndex::find(std::string_view key) const {
  if (slots_.empty()) return {};
  const std::uint32_t s = slots_[slot_of(key, std::hash<std::string_view>{}(key))];
  if (s == 0) return {};
  return ids_of(entries_[s - 1]);
}

}  // namespace ntr
