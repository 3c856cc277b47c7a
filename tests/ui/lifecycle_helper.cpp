// A child process for the lifecycle tests: the real MainWindow, offscreen, driven from the
// command line, so that a test can kill it (crash simulation) or run it as another user
// (root ignores file permissions).
//
//   lifecycle_helper crash FILE TITLE   open FILE, retitle events 0 and 1, autosave every
//                                       50 ms; print "autosaved PATH" once a copy is on
//                                       disk, then wait to be killed
//   lifecycle_helper save FILE TITLE    open FILE, retitle event 0, save; print what the
//                                       save-failure message said; exit 0 when the save
//                                       failed and the document is still modified
//   lifecycle_helper look-quit FILE TITLE      for a person to look at the dialogs (under
//   lifecycle_helper look-savefail FILE TITLE  Xvfb): the unsaved-changes question on quit,
//                                       and a failed save (FILE's folder is deleted first)
//
// The recovery folder comes from $CLAIMLINE_RECOVERY_DIR, settings from $XDG_CONFIG_HOME.

#include "document/document.h"
#include "session/autosave.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <QStandardPaths>
#include <spdlog/spdlog.h>

#include <cstdio>

using namespace claimline;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // stdout carries the report ("autosaved PATH", the save-failure message); no info logs.
    spdlog::set_level(spdlog::level::warn);
    QApplication::setOrganizationName(QStringLiteral("ClaimlineTests"));
    QApplication::setApplicationName(QStringLiteral("claimline-lifecycle-helper"));
    const QStringList args = QApplication::arguments();
    if (args.size() != 4)
        return 2;
    const QString mode = args.at(1);
    const QString file = args.at(2);
    const QString title = args.at(3);

    MainWindow window;
    if (!window.openFile(file))
        return 3;
    if (mode == QLatin1String("crash")) {
        window.document()->setEventTitle(0, title);
        window.document()->setEventTitle(1, title + QStringLiteral(" (second)"));
        QObject::connect(window.autosave(), &Autosave::written, &app, [](const QString &path) {
            std::printf("autosaved %s\n", path.toLocal8Bit().constData());
            std::fflush(stdout);
        });
        window.autosave()->setInterval(50);
        return app.exec();
    }
    if (mode == QLatin1String("save")) {
        window.document()->setEventTitle(0, title);
        QString message;
        window.setAskFunction([&message](QMessageBox &box) {
            message = box.text() + QLatin1Char('\n') + box.informativeText();
            return QMessageBox::Ok;
        });
        const bool saved = window.save();
        std::printf("%s\n", message.toLocal8Bit().constData());
        std::fflush(stdout);
        // Leave without a prompt: the test asserts the document stayed modified first.
        const bool modified = window.document()->isModified();
        window.autosave()->discard();
        window.setAskFunction([](QMessageBox &) { return QMessageBox::Discard; });
        return !saved && modified ? 0 : 1;
    }
    if (mode == QLatin1String("look-quit") || mode == QLatin1String("look-savefail")) {
        window.document()->setEventTitle(0, title);
        window.show();
        QTimer::singleShot(500, &window, [&window, mode, file] {
            if (mode == QLatin1String("look-savefail")) {
                QDir(QFileInfo(file).absolutePath()).removeRecursively();
                window.save();
            }
            window.close();
        });
        return app.exec();
    }
    return 2;
}
