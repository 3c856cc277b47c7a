#pragma once

#include <QColor>
#include <QPalette>

// Small helpers shared by the test suites: where the sample is, and reading and writing
// whole files.

#include <QByteArray>
#include <QDate>
#include <QFile>
#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

namespace claimline::test {

inline QString samplePath()
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/samples/novgorod-residence-allegation.claimline");
}

// Seconds since the epoch of a UTC midnight, computed with QDate rather than FuzzyTime, so
// tests of dates do not check the code against itself.
inline std::int64_t utcMidnight(int year, int month, int day)
{
    constexpr std::int64_t UnixEpochJulianDay = 2440588;
    return (QDate(year, month, day).toJulianDay() - UnixEpochJulianDay) * 86400;
}

// The whole file; empty when it cannot be read.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline std::string readString(const QString &path)
{
    const QByteArray bytes = readBytes(path);
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

inline bool writeFile(const QString &path, std::string_view bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

inline bool writeFile(const QString &path, const char *bytes)
{
    return writeFile(path, std::string_view(bytes));
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    return writeFile(path, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

// The dark palette the widget tests render with (a dark desktop theme, as Fusion would give).
inline QPalette darkPalette()
{
    // Built from a button and a window colour, so that the shades widgets draw bevels and
    // check boxes with (light, mid, dark) are dark ones too, as a platform's dark palette has.
    QPalette dark(QColor(0x2c, 0x2e, 0x32), QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x18, 0x19, 0x1b));
    dark.setColor(QPalette::AlternateBase, QColor(0x22, 0x23, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x2c, 0x2e, 0x32));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return dark;
}

} // namespace claimline::test
