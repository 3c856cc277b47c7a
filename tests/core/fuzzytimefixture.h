#pragma once

// Shared by the FuzzyTime tests: expected values computed with Qt's calendar, and parsing that
// reports a failure instead of throwing.

#include "time/fuzzytime.h"

#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

// Readable gtest output for QString comparisons (found by argument-dependent lookup).
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace claimline::test {

inline constexpr std::int64_t Day = 86400;

// Expected values are computed with Qt's calendar, independently of the code under test.
inline std::int64_t utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc())
        .toSecsSinceEpoch();
}

inline FuzzyTime parsed(std::string_view text)
{
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (!time) {
        ADD_FAILURE() << "could not parse \"" << text << "\": " << error;
        return {};
    }
    return *time;
}

// The error message for text that must be rejected.
inline std::string rejection(std::string_view text)
{
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (time)
        ADD_FAILURE() << "\"" << text << "\" was accepted as " << time->toEdtf();
    return error;
}

inline std::string quoted(std::string_view text)
{
    // Appended, not "\"" + std::string(…) + …: gcc 12 at -O3 warns of an overlapping memcpy
    // there (-Wrestrict, a false positive: GCC bug 105329).
    std::string out(1, '"');
    out.append(text);
    out.push_back('"');
    return out;
}

inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

inline QTimeZone zone(const char *id)
{
    return QTimeZone(QByteArray(id));
}

inline QTimeZone kyivZone()
{
    // Older tzdata only knows the old spelling.
    QTimeZone kyiv = zone("Europe/Kyiv");
    return kyiv.isValid() ? kyiv : zone("Europe/Kiev");
}

} // namespace claimline::test
