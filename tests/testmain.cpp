// The main() of every test binary: a Qt application object (widgets for UI tests) on the
// offscreen platform, and QStandardPaths in test mode so that settings, logs and autosaves
// never touch the user's own folders.

#include <QStandardPaths>

#if CLAIMLINE_TEST_GUI
#include <QApplication>
using Application = QApplication;
#else
#include <QGuiApplication>
using Application = QGuiApplication;
#endif

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // A fixed DPI so that widget geometry in tests does not depend on the machine.
    qputenv("QT_FONT_DPI", "96");
    QStandardPaths::setTestModeEnabled(true);
    Application app(argc, argv);
    Application::setOrganizationName(QStringLiteral("ClaimlineTests"));
    Application::setApplicationName(QStringLiteral("claimline-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
