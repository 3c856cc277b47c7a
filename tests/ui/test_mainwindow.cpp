// MainWindow: opens a project and says what was loaded; a bad file leaves the open project
// alone and lists every problem; edits show the modified marker.

#include "document.h"
#include "testsupport.h"
#include "mainwindow.h"

#include <QColor>
#include <QDialog>
#include <QPalette>
#include <QLabel>
#include <QUndoStack>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;

namespace {


QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

} // namespace

TEST(MainWindow, OpensTheSampleAndSaysWhatWasLoaded)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    const Project &project = window.document()->project();
    const QString status = window.statusText();
    EXPECT_TRUE(status.contains(QStringLiteral("%1 of %1 events").arg(project.events().size())))
        << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("%1 of %1 claims").arg(project.claims().size())))
        << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("Novgorod"))) << status.toStdString();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("novgorod-residence-allegation")));
    EXPECT_FALSE(window.isWindowModified());

    // Look at it, light and dark: saved for a person to open, not compared.
    window.show();
    window.grab().save(QDir::tempPath() + QStringLiteral("/claimline-mainwindow.png"));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x18, 0x19, 0x1b));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x2c, 0x2e, 0x32));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    window.setPalette(dark);
    // Text follows the palette: nothing is drawn in a fixed colour.
    for (const QLabel *label : window.findChildren<QLabel *>())
        EXPECT_EQ(label->palette().color(label->foregroundRole()), QColor(0xe8, 0xe8, 0xe8));
    window.grab().save(QDir::tempPath() + QStringLiteral("/claimline-mainwindow-dark.png"));
}

TEST(MainWindow, BadFileListsEveryProblemAndKeepsTheOpenProject)
{
    QTemporaryDir dir;
    const QString bad = writeFile(dir, QStringLiteral("bad.claimline"),
                                  R"({"format": "claimline", "version": 1,
                                      "parties": [{"id": "ru"}],
                                      "events": [{"id": "e1", "title": "T", "when": "2025-13-01"}]})");
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    const std::size_t events = window.document()->project().events().size();

    EXPECT_FALSE(window.openFile(bad));
    EXPECT_EQ(window.document()->project().events().size(), events);
    EXPECT_TRUE(window.document()->filePath().endsWith(QStringLiteral("novgorod-residence-allegation.claimline")));

    auto *dialog = window.findChild<QDialog *>(QStringLiteral("problemsDialog"));
    ASSERT_NE(dialog, nullptr);
    const QString list = dialog->findChild<QPlainTextEdit *>(QStringLiteral("problemList"))
                             ->toPlainText();
    EXPECT_TRUE(list.contains(QStringLiteral("/parties/0: missing required field \"name\"")))
        << list.toStdString();
    EXPECT_TRUE(list.contains(QStringLiteral("/events/0/when:"))) << list.toStdString();
    EXPECT_TRUE(list.contains(QStringLiteral("2025-13-01"))) << list.toStdString();
    dialog->close();
}

TEST(MainWindow, TitlesFromFilesAreNeverMarkup)
{
    QTemporaryDir dir;
    const QString hostile = writeFile(
        dir, QStringLiteral("hostile.claimline"),
        R"({"format": "claimline", "version": 1, "meta": {"title": "<b>bold</b><img src=x>"},
            "events": [{"id": "e1", "title": "<a href='x'>t</a>", "when": "2025-12-29"}]})");
    MainWindow window;
    ASSERT_TRUE(window.openFile(hostile));
    EXPECT_TRUE(window.statusText().contains(QStringLiteral("<b>bold</b><img src=x>")));
    for (const QLabel *label : window.findChildren<QLabel *>())
        EXPECT_EQ(label->textFormat(), Qt::PlainText) << label->text().toStdString();
}

TEST(MainWindow, BidiOverridesAndControlsInTitlesAreShownNotObeyed)
{
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("bidi.claimline"),
        "{\"format\": \"claimline\", \"version\": 1, "
        "\"meta\": {\"title\": \"Russia \\u202eevil\\u202c\\nsecond line\"}}");
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    const QString status = window.statusText();
    EXPECT_TRUE(status.contains(QString::fromUtf8("Russia ⟨U+202E⟩evil⟨U+202C⟩⟨U+000A⟩second line")))
        << status.toStdString();
    EXPECT_FALSE(status.contains(QChar(0x202e)));
}

TEST(MainWindow, EditsShowTheModifiedMarkerAndUndoClearsIt)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    EXPECT_TRUE(window.isWindowModified());
    window.document()->undoStack()->undo();
    EXPECT_FALSE(window.isWindowModified());
}
