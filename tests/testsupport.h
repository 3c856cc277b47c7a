#pragma once

#include <QColor>
#include <QPalette>

#if CLAIMLINE_TEST_GUI
#include "theme/thememanager.h"
#endif

// Small helpers shared by the test suites: where the sample is, and reading and writing
// whole files.

#include <QByteArray>
#include <QDate>
#include <QFile>
#include <QSettings>
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

// Settings (recent files, the theme, window state) go to `dir`, never the user's own, and
// start empty with it.
inline void keepSettingsIn(const QString &dir)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

#if CLAIMLINE_TEST_GUI
// The dark palette the widget tests render with: the app's own (View > Theme > Dark).
inline QPalette darkPalette()
{
    return ThemeManager::darkPalette();
}
#endif

} // namespace claimline::test
