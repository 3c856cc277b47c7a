#pragma once

// IdIndex: an open-addressing hash table from id text to a 32-bit value, storing no keys.
//
// Why not std::unordered_map<std::string_view, ...>: that costs a heap node per id (about 56
// bytes with the bucket array); a project of a million events would spend more on the index
// than on the events' dates. Here a slot is 8 bytes (32 bits of the hash and the value) and
// the key is read back from the model through a callable when a hash matches. Linear probing
// with backward-shift deletion, load factor at most 1/2.

#include "model/memoryadvice.h"
#include "model/sidebyside.h"
#include "text/shorttext.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace claimline {

class IdIndex
{
public:
    static constexpr std::uint32_t Empty = 0xffffffffu;

    std::size_t size() const { return m_size; }
    void clear()
    {
        m_slots.clear();
        m_size = 0;
    }
    void reserve(std::size_t count, auto keyOf)
    {
        std::size_t wanted = 16;
        while (wanted < count * 2)
            wanted *= 2;
        if (wanted > m_slots.size())
            rehash(wanted, keyOf);
    }

    // keyOf(value) returns the id text of a stored value.
    std::optional<std::uint32_t> find(std::string_view key, auto keyOf) const
    {
        if (m_slots.empty())
            return std::nullopt;
        const std::uint32_t h = hashOf(key);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.value == Empty)
                return std::nullopt;
            if (slot.hash == h && sameText(keyOf(slot.value), key))
                return slot.value;
        }
    }

    // Inserts key -> value unless the key is present; returns the value stored for the key
    // (the existing one when it was already present).
    std::uint32_t insert(std::string_view key, std::uint32_t value, auto keyOf)
    {
        return insert(key, hashOf(key), value, keyOf);
    }
    // Asks for the slot a key of this hash is looked for first to be brought into the cache
    // (for writing, before an insert, or for reading, before a find): a random read in an
    // index of a million ids misses it.
    void prefetch(std::uint32_t hash, bool forWriting = true) const
    {
        if (m_slots.empty())
            return;
        const Slot *slot = &m_slots[hash & (m_slots.size() - 1)];
        if (forWriting)
            __builtin_prefetch(slot, 1);
        else
            __builtin_prefetch(slot, 0);
    }
    // The value of the first key stored with this hash, or Empty: the one find() of a key of
    // that hash compares first (a caller fetches its text ahead of the find()).
    std::uint32_t firstWithHash(std::uint32_t h) const
    {
        if (m_slots.empty())
            return Empty;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask; m_slots[i].value != Empty; i = (i + 1) & mask) {
            if (m_slots[i].hash == h)
                return m_slots[i].value;
        }
        return Empty;
    }
    // insert() with the key's hashOf() already known.
    std::uint32_t insert(std::string_view key, std::uint32_t h, std::uint32_t value, auto keyOf)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 16 : m_slots.size() * 2, keyOf);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.value == Empty) {
                slot = {h, value};
                ++m_size;
                return value;
            }
            if (slot.hash == h && sameText(keyOf(slot.value), key))
                return slot.value;
        }
    }

    // Removes the key; returns whether it was there.
    bool erase(std::string_view key, auto keyOf)
    {
        if (m_slots.empty())
            return false;
        const std::uint32_t h = hashOf(key);
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = h & mask;
        for (;; i = (i + 1) & mask) {
            if (m_slots[i].value == Empty)
                return false;
            if (m_slots[i].hash == h && sameText(keyOf(m_slots[i].value), key))
                break;
        }
        // Backward-shift deletion: move later entries of the probe run into the hole so that
        // lookups never need tombstones.
        std::size_t hole = i;
        for (std::size_t j = (i + 1) & mask; m_slots[j].value != Empty; j = (j + 1) & mask) {
            const std::size_t home = m_slots[j].hash & mask;
            // Entry j may move to the hole when its home is not in (hole, j] cyclically.
            const bool homeBetween
                = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeBetween) {
                m_slots[hole] = m_slots[j];
                hole = j;
            }
        }
        m_slots[hole] = {0, Empty};
        --m_size;
        return true;
    }

    // Replaces every stored value by map(value), keys unchanged (items renumbered after a
    // removal): one pass over the slots, no hashing. map must not return Empty.
    // Replaces every stored value v by map(v), keys untouched; with `split`, on two threads
    // (map must then be safe to call from both).
    void remapValues(bool split, auto map)
    {
        const auto remap = [this, &map](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) {
                if (m_slots[i].value != Empty)
                    m_slots[i].value = map(m_slots[i].value);
            }
        };
        const std::size_t half = m_slots.size() / 2;
        sideBySide(
            split, [&] { remap(0, half); }, [&] { remap(half, m_slots.size()); });
    }

    std::size_t memoryUsage() const { return m_slots.capacity() * sizeof(Slot); }
    std::size_t slotCount() const { return m_slots.size(); }
    // Room for this many slots with its pages already touched, so that copying an index of
    // that size into this one later faults nothing in (Project::preallocate()).
    void preallocate(std::size_t slots)
    {
        m_slots.assign(slots, Slot {});
        m_slots.clear();
        m_size = 0;
    }

    static std::uint32_t hashOf(std::string_view key)
    {
        const std::uint64_t h = textHash(key);
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }

private:
    struct Slot
    {
        std::uint32_t hash = 0;
        std::uint32_t value = Empty;
    };

    void rehash(std::size_t capacity, auto /*keyOf*/)
    {
        Slots old(capacity);
        old.swap(m_slots);
        const std::size_t mask = capacity - 1;
        for (const Slot &slot : old) {
            if (slot.value == Empty)
                continue;
            std::size_t i = slot.hash & mask;
            while (m_slots[i].value != Empty)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }

    // The 1.3M ids of a million-event project take 4M slots (32 MiB), probed at random: on
    // huge pages they fault in 16 times, not 8,192, and a probe misses the TLB far less.
    using Slots = std::vector<Slot, HugePageAllocator<Slot>>;
    Slots m_slots;
    std::size_t m_size = 0;
};

} // namespace claimline
