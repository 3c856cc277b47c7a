#pragma once

// The item kinds as one table: for each ItemKind its value type, the array that holds it in
// the file and the field that names it for people (every item's id is its `id` field, and
// nameOf(ItemKind) gives the kind's name). Code that does the same thing for every kind
// (count items, look up an id, compact the arrays after a deletion) walks this table with
// forEachItemType() or picks a row with visitItemKind() instead of spelling out six cases, so
// the cases cannot drift apart. Relations have no id and no ItemKind; they are not in it.

#include "model/model.h"

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace claimline {

inline constexpr std::size_t ItemKindCount = ItemKindNames.size();

// Every kind, in ItemKind order.
inline constexpr std::array<ItemKind, ItemKindCount> ItemKinds {
    ItemKind::Party, ItemKind::Actor,    ItemKind::Source,
    ItemKind::Event, ItemKind::Question, ItemKind::Claim};

template<typename Item>
struct ItemTraits;

// The file's array that holds each kind, in ItemKind order.
inline constexpr std::array<std::string_view, ItemKindCount> ItemArrayNames {
    "parties", "actors", "sources", "events", "questions", "claims"};

// The row of the table: the kind, the file's array name, the field that names an item.
template<ItemKind Kind, auto Label>
struct ItemTraitsRow
{
    static constexpr ItemKind kind = Kind;
    static constexpr std::string_view array = ItemArrayNames[std::size_t(Kind)];
    static constexpr auto label = Label;
};

// One row per kind, laid out as the table it is.
// clang-format off
template<> struct ItemTraits<Party> : ItemTraitsRow<ItemKind::Party, &Party::name> {};
template<> struct ItemTraits<Actor> : ItemTraitsRow<ItemKind::Actor, &Actor::name> {};
template<> struct ItemTraits<Source> : ItemTraitsRow<ItemKind::Source, &Source::title> {};
template<> struct ItemTraits<Event> : ItemTraitsRow<ItemKind::Event, &Event::title> {};
template<> struct ItemTraits<Question> : ItemTraitsRow<ItemKind::Question, &Question::text> {};
template<> struct ItemTraits<Claim> : ItemTraitsRow<ItemKind::Claim, &Claim::statement> {};
// clang-format on

// One Of<Item> per kind, in ItemKind order: PerItemType<std::vector> holds every item array.
template<template<typename...> class Of>
using PerItemType
    = std::tuple<Of<Party>, Of<Actor>, Of<Source>, Of<Event>, Of<Question>, Of<Claim>>;

// The value type of a kind.
template<ItemKind Kind>
using ItemType =
    typename std::tuple_element_t<std::size_t(Kind), PerItemType<std::type_identity>>::type;

namespace detail {
template<std::size_t... I>
constexpr bool kindsInOrder(std::index_sequence<I...>)
{
    return ((ItemTraits<ItemType<ItemKind(I)>>::kind == ItemKind(I)) && ...);
}
} // namespace detail
static_assert(detail::kindsInOrder(std::make_index_sequence<ItemKindCount>()),
              "PerItemType lists the item types in ItemKind order");

// Calls f(std::type_identity<Item>{}) for each item type, in ItemKind order. A templated
// lambda names the type: [&]<typename Item>(std::type_identity<Item>) { ... }.
template<typename F>
constexpr void forEachItemType(F &&f)
{
    std::apply([&f](auto... tags) { (f(tags), ...); }, PerItemType<std::type_identity> {});
}

// Calls f(std::type_identity<Item>{}) for the item type of `kind` and returns what it returns
// (a value-initialized result for a value that is no ItemKind).
template<typename F>
auto visitItemKind(ItemKind kind, F &&f)
{
    switch (kind) {
    case ItemKind::Party:
        return f(std::type_identity<Party> {});
    case ItemKind::Actor:
        return f(std::type_identity<Actor> {});
    case ItemKind::Source:
        return f(std::type_identity<Source> {});
    case ItemKind::Event:
        return f(std::type_identity<Event> {});
    case ItemKind::Question:
        return f(std::type_identity<Question> {});
    case ItemKind::Claim:
        return f(std::type_identity<Claim> {});
    }
    using Result = decltype(f(std::type_identity<Party> {}));
    return Result();
}

// The file's array of items of a kind: "parties", "actors"…
inline std::string_view arrayNameOf(ItemKind kind)
{
    return visitItemKind(
        kind, []<typename Item>(std::type_identity<Item>) { return ItemTraits<Item>::array; });
}

} // namespace claimline
