#pragma once

// Runs the real `claimline` executable (CLAIMLINE_EXECUTABLE, defined by the test target) the
// way a user without a display would: no DISPLAY, no platform chosen, its own data folder.

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <gtest/gtest.h>

namespace claimline::test {

struct Outcome
{
    int exitCode = -1;
    QByteArray err;
    QByteArray out;
};

inline Outcome runClaimline(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_DATA_HOME"),
               QDir::tempPath() + QStringLiteral("/claimline-test-data"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLAIMLINE_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForFinished(120000));
    return {process.exitCode(), process.readAllStandardError(), process.readAllStandardOutput()};
}

} // namespace claimline::test
