#pragma once

// Helpers for tests that look items up in a loaded Project, and QString printing for
// GoogleTest's failure messages.

#include "model/project.h"

#include <QString>

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string_view>

QT_BEGIN_NAMESPACE
// Lets EXPECT_EQ print QStrings as text rather than as bytes.
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

namespace claimline::test {

// The index of the item with this id, which must exist and be of this kind.
inline std::uint32_t indexOf(const Project &p, std::string_view id, ItemKind kind)
{
    const auto ref = p.find(id);
    EXPECT_TRUE(ref.has_value()) << id;
    EXPECT_EQ(ref.value_or(ItemRef {}).kind, kind) << id;
    return ref.value_or(ItemRef {}).index;
}

// The index of an interned word (a tag or kind), which must exist.
inline std::uint32_t wordIndex(const Project &p, std::string_view word)
{
    for (std::uint32_t i = 0; i < p.wordCount(); ++i) {
        if (p.word(i) == word)
            return i;
    }
    ADD_FAILURE() << "no word " << word;
    return NoIndex;
}

} // namespace claimline::test
