// MainWindow: opens a project and says what was loaded; a bad file leaves the open project
// alone and lists every problem; edits show the modified marker. It remembers its layout and
// the recent files, opens a dropped project file and hosts the Details dock.
//
// Every test points QSettings at its own temporary folder: QStandardPaths test mode (see
// testmain.cpp) already keeps settings out of the user's folder, but it is one folder shared
// by every test process, and CTest runs them in parallel.

#include "details/detailsview.h"
#include "document/document.h"
#include "document/selection.h"
#include "table/itemtableview.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QColor>
#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QHelpEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextFragment>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QUndoStack>
#include <QUrl>

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

// A copy of the sample under another name (recent files and drops need distinct files).
QString copySample(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    EXPECT_TRUE(QFile::copy(test::samplePath(), path)) << path.toStdString();
    return path;
}

// The files listed in the Open Recent menu, in menu order.
QStringList recentFiles(const MainWindow &window)
{
    const auto *menu = window.findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    EXPECT_NE(menu, nullptr);
    QStringList files;
    if (!menu)
        return files;
    for (const QAction *action : menu->actions()) {
        if (!action->data().toString().isEmpty())
            files << action->data().toString();
    }
    return files;
}

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        test::keepSettingsIn(m_settingsDir.path());
    }

    QTemporaryDir m_settingsDir;
};

} // namespace

TEST_F(MainWindowTest, SettingsLiveInTheTestsOwnFolder)
{
    EXPECT_TRUE(QSettings().fileName().startsWith(m_settingsDir.path()))
        << QSettings().fileName().toStdString();
}

TEST_F(MainWindowTest, OpensTheSampleAndSaysWhatWasLoaded)
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
    window.setPalette(test::darkPalette());
    // Text follows the palette: nothing is drawn in a fixed colour (muted text, such as the
    // start page's, takes the palette's placeholder colour).
    const QPalette dark = test::darkPalette();
    for (const QLabel *label : window.findChildren<QLabel *>()) {
        EXPECT_EQ(label->palette().color(label->foregroundRole()),
                  dark.color(label->foregroundRole()))
            << label->objectName().toStdString() << " " << label->text().toStdString();
    }
    window.grab().save(QDir::tempPath() + QStringLiteral("/claimline-mainwindow-dark.png"));
}

TEST_F(MainWindowTest, BadFileListsEveryProblemAndKeepsTheOpenProject)
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
    EXPECT_TRUE(window.document()->filePath().endsWith(
        QStringLiteral("novgorod-residence-allegation.claimline")));

    auto *dialog = window.findChild<QMessageBox *>(QStringLiteral("problemsDialog"));
    ASSERT_NE(dialog, nullptr);
    // Plain words first (ui/window/loadproblemsmessage.h), the reader's lines in the details.
    const QString list = dialog->detailedText();
    EXPECT_TRUE(list.contains(QStringLiteral("/parties/0: missing required field \"name\"")))
        << list.toStdString();
    EXPECT_TRUE(list.contains(QStringLiteral("/events/0/when:"))) << list.toStdString();
    EXPECT_TRUE(list.contains(QStringLiteral("2025-13-01"))) << list.toStdString();
    dialog->close();
}

TEST_F(MainWindowTest, TitlesFromFilesAreNeverMarkup)
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

TEST_F(MainWindowTest, BidiOverridesAndControlsInTitlesAreShownNotObeyed)
{
    QTemporaryDir dir;
    const QString path
        = writeFile(dir, QStringLiteral("bidi.claimline"),
                    "{\"format\": \"claimline\", \"version\": 1, "
                    "\"meta\": {\"title\": \"Russia \\u202eevil\\u202c\\nsecond line\"}}");
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    const QString status = window.statusText();
    EXPECT_TRUE(
        status.contains(QString::fromUtf8("Russia ⟨U+202E⟩evil⟨U+202C⟩⟨U+000A⟩second line")))
        << status.toStdString();
    EXPECT_FALSE(status.contains(QChar(0x202e)));
}

TEST_F(MainWindowTest, EditsShowTheModifiedMarkerAndUndoClearsIt)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    EXPECT_TRUE(window.isWindowModified());
    window.document()->undoStack()->undo();
    EXPECT_FALSE(window.isWindowModified());
}

TEST_F(MainWindowTest, LayoutAndGeometryAreRestored)
{
    {
        MainWindow window;
        window.show();
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
        ASSERT_NE(dock, nullptr);
        EXPECT_TRUE(dock->isVisible()); // shown by default
        window.resize(900, 640);
        dock->hide();
        window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->hide();
        EXPECT_TRUE(window.close());
    }
    EXPECT_TRUE(QSettings().contains(QStringLiteral("mainWindow/geometry")));
    EXPECT_TRUE(QSettings().contains(QStringLiteral("mainWindow/state")));

    MainWindow window;
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_TRUE(dock->isHidden());
    EXPECT_FALSE(dock->toggleViewAction()->isChecked());
    EXPECT_TRUE(window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isHidden());
    EXPECT_EQ(window.size(), QSize(900, 640));
    window.show();
    EXPECT_FALSE(dock->isVisible());

    // The View menu brings it back.
    dock->toggleViewAction()->trigger();
    EXPECT_TRUE(dock->isVisible());
}

TEST_F(MainWindowTest, ViewMenuTogglesTheDetailsDockAndTheToolBar)
{
    MainWindow window;
    ASSERT_NE(window.viewMenu(), nullptr);
    const QList<QAction *> actions = window.viewMenu()->actions();
    const auto *dock = window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
    const auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    ASSERT_NE(dock, nullptr);
    ASSERT_NE(toolBar, nullptr);
    EXPECT_TRUE(actions.contains(dock->toggleViewAction()));
    EXPECT_TRUE(actions.contains(toolBar->toggleViewAction()));
    EXPECT_EQ(dock->windowTitle(), QStringLiteral("Details"));
    EXPECT_EQ(window.dockWidgetArea(const_cast<QDockWidget *>(dock)), Qt::RightDockWidgetArea);
    EXPECT_EQ(dock->widget(), window.detailsView());
}

TEST_F(MainWindowTest, DetailsDockShowsTheSelectedEvent)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    const std::optional<ItemRef> event = window.document()->project().find("ev-residence-drones");
    ASSERT_TRUE(event.has_value());
    window.selection()->select(*event);
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.detailsView()->text().startsWith(
        QStringLiteral("Alleged drone attack on Putin's Novgorod residence\n")));
    EXPECT_TRUE(window.detailsView()->text().contains(QString::fromUtf8("28–29 Dec 2025")));

    // Look at it, light and dark: saved for a person to open, not compared.
    window.show();
    QCoreApplication::processEvents();
    window.grab().save(QDir::tempPath() + QStringLiteral("/claimline-details.png"));
    window.setPalette(test::darkPalette());
    // The details text follows the palette: nothing is drawn in a fixed colour.
    for (const QPlainTextEdit *edit : window.detailsView()->findChildren<QPlainTextEdit *>())
        EXPECT_EQ(edit->palette().color(QPalette::Text), test::darkPalette().color(QPalette::Text));
    window.grab().save(QDir::tempPath() + QStringLiteral("/claimline-details-dark.png"));
}

TEST_F(MainWindowTest, OpeningAFileRecordsItFirstInOpenRecent)
{
    QTemporaryDir dir;
    const QString first = copySample(dir, QStringLiteral("first.claimline"));
    const QString second = copySample(dir, QStringLiteral("second & more.claimline"));
    MainWindow window;
    EXPECT_TRUE(recentFiles(window).isEmpty());
    ASSERT_TRUE(window.openFile(first));
    ASSERT_TRUE(window.openFile(second));
    EXPECT_EQ(recentFiles(window), QStringList({second, first}));
    EXPECT_EQ(QSettings().value(QStringLiteral("recentFiles")).toStringList(),
              QStringList({second, first}));
    EXPECT_EQ(QSettings().value(QStringLiteral("lastFile")).toString(), second);

    // Opening one again moves it to the top, once.
    ASSERT_TRUE(window.openFile(first));
    EXPECT_EQ(recentFiles(window), QStringList({first, second}));
    EXPECT_EQ(QSettings().value(QStringLiteral("lastFile")).toString(), first);

    // A "&" in a file name is shown, not taken as a mnemonic.
    const auto *menu = window.findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    ASSERT_NE(menu, nullptr);
    EXPECT_EQ(menu->actions().at(1)->text(), QStringLiteral("&2 second && more.claimline"));

    // Choosing an entry opens it.
    menu->actions().at(1)->trigger();
    EXPECT_EQ(window.document()->filePath(), second);
    EXPECT_EQ(recentFiles(window), QStringList({second, first}));

    // A failed open records nothing.
    EXPECT_FALSE(window.openFile(dir.filePath(QStringLiteral("missing.claimline"))));
    EXPECT_EQ(recentFiles(window), QStringList({second, first}));
    if (auto *dialog = window.findChild<QDialog *>(QStringLiteral("problemsDialog")))
        dialog->close();
}

TEST_F(MainWindowTest, OpenRecentKeepsEightAndClears)
{
    QTemporaryDir dir;
    QStringList opened;
    MainWindow window;
    for (int i = 0; i < 10; ++i) {
        opened.prepend(copySample(dir, QStringLiteral("p%1.claimline").arg(i)));
        ASSERT_TRUE(window.openFile(opened.front()));
    }
    EXPECT_EQ(recentFiles(window), opened.mid(0, 8));

    const auto *menu = window.findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    ASSERT_NE(menu, nullptr);
    QAction *clear = menu->actions().constLast();
    ASSERT_EQ(clear->objectName(), QStringLiteral("clearRecentFilesAction"));
    EXPECT_TRUE(clear->isEnabled());
    clear->trigger();
    EXPECT_TRUE(recentFiles(window).isEmpty());
    EXPECT_TRUE(QSettings().value(QStringLiteral("recentFiles")).toStringList().isEmpty());
    EXPECT_FALSE(menu->isEnabled());
}

TEST_F(MainWindowTest, MissingRecentFilesAreDropped)
{
    QTemporaryDir dir;
    const QString kept = copySample(dir, QStringLiteral("kept.claimline"));
    const QString gone = copySample(dir, QStringLiteral("gone.claimline"));
    const QString missing = dir.filePath(QStringLiteral("never-there.claimline"));
    QSettings().setValue(QStringLiteral("recentFiles"), QStringList({missing, gone, kept}));

    MainWindow window;
    EXPECT_EQ(recentFiles(window), QStringList({gone, kept}));
    EXPECT_EQ(QSettings().value(QStringLiteral("recentFiles")).toStringList(),
              QStringList({gone, kept}));

    // A file deleted while the app runs drops out when the menu is next opened.
    ASSERT_TRUE(QFile::remove(gone));
    auto *menu = window.findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    ASSERT_NE(menu, nullptr);
    Q_EMIT menu->aboutToShow();
    EXPECT_EQ(recentFiles(window), QStringList({kept}));
}

TEST_F(MainWindowTest, DroppingAProjectFileOpensIt)
{
    QTemporaryDir dir;
    const QString dropped = copySample(dir, QStringLiteral("Dropped.CLAIMLINE"));
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dropped)});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    EXPECT_TRUE(drop.isAccepted());
    EXPECT_EQ(window.document()->filePath(), dropped);
    EXPECT_EQ(recentFiles(window).value(0), dropped);
}

TEST_F(MainWindowTest, OnlyOneLocalProjectFileIsAcceptedAsADrop)
{
    QTemporaryDir dir;
    // Not .txt: .csv, .tsv and .txt files open the import wizard (test_importwizard.cpp).
    const QString text = writeFile(dir, QStringLiteral("notes.md"), "not a project");
    const QString project = copySample(dir, QStringLiteral("a.claimline"));
    const QString other = copySample(dir, QStringLiteral("b.claimline"));
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));

    const QList<QList<QUrl>> refused {
        {QUrl::fromLocalFile(text)},
        {QUrl::fromLocalFile(project), QUrl::fromLocalFile(other)},
        {QUrl(QStringLiteral("https://example.org/remote.claimline"))},
        {},
    };
    for (const QList<QUrl> &urls : refused) {
        QMimeData mime;
        if (urls.isEmpty())
            mime.setText(QStringLiteral("just text"));
        else
            mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        EXPECT_FALSE(enter.isAccepted()) << urls.size();
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        EXPECT_FALSE(drop.isAccepted()) << urls.size();
    }
    EXPECT_EQ(window.document()->filePath(), test::samplePath());
}

TEST_F(MainWindowTest, StatusBarShowsTheTimeUnderTheCursor)
{
    MainWindow window;
    auto *label = window.findChild<QLabel *>(QStringLiteral("cursorTimeLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->textFormat(), Qt::PlainText);
    EXPECT_EQ(label->parentWidget(), window.statusBar());
    window.setCursorTimeText(QStringLiteral("29 Dec 2025, 22:00 UTC"));
    EXPECT_EQ(label->text(), QStringLiteral("29 Dec 2025, 22:00 UTC"));
    window.setCursorTimeText({});
    EXPECT_TRUE(label->text().isEmpty());
}

// Edit > Link as Counter-Claim: two selected claims, the current one answers the other; the
// relation reaches the details and the narratives; undo and Unlink take it away again.
TEST_F(MainWindowTest, LinkingTwoSelectedClaimsIsOneUndoableStep)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    Document *document = window.document();
    const Project &project = document->project();
    const ItemRef answer = *project.find("claim-kallas-distraction");
    const ItemRef answered = *project.find("claim-6kg-payload");
    const std::size_t before = project.relations().size();
    auto *link = window.findChild<QAction *>(QStringLiteral("linkClaimsAction"));
    auto *unlink = window.findChild<QAction *>(QStringLiteral("unlinkClaimsAction"));
    ASSERT_TRUE(link && unlink);

    window.selection()->select(answered);
    EXPECT_FALSE(link->isEnabled()); // one claim is not a pair
    window.selection()->setItems({answered, answer}, answer);
    EXPECT_TRUE(link->isEnabled());
    EXPECT_FALSE(unlink->isEnabled());
    ASSERT_TRUE(window.selectedClaimPair().has_value());
    EXPECT_EQ(window.selectedClaimPair()->first, answer.index);

    ASSERT_TRUE(window.linkSelectedClaims(RelationKind::Disputes));
    EXPECT_FALSE(window.linkSelectedClaims(RelationKind::Disputes)); // already linked so
    ASSERT_EQ(project.relations().size(), before + 1);
    const Relation &added = project.relations().back();
    EXPECT_EQ(added.from, answer.index);
    EXPECT_EQ(added.to, answered.index);
    EXPECT_EQ(added.kind, RelationKind::Disputes);
    EXPECT_TRUE(unlink->isEnabled());
    EXPECT_TRUE(document->undoStack()
                    ->text(document->undoStack()->index() - 1)
                    .startsWith(QStringLiteral("Link ‘")));
    // The answered claim's details list the new answer.
    window.selection()->select(answered);
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.detailsView()->text().contains(QStringLiteral("Kaja Kallas")))
        << window.detailsView()->text().toStdString();

    document->undoStack()->undo();
    EXPECT_EQ(project.relations().size(), before);
    document->undoStack()->redo();
    EXPECT_EQ(project.relations().size(), before + 1);

    // Unlink removes every relation between the two, either way, as one step.
    window.selection()->setItems({answered, answer}, answered);
    ASSERT_TRUE(window.linkSelectedClaims(RelationKind::Qualifies)); // the other way round
    EXPECT_EQ(project.relations().size(), before + 2);
    unlink->trigger();
    EXPECT_EQ(project.relations().size(), before);
    document->undoStack()->undo();
    ASSERT_EQ(project.relations().size(), before + 2);
    EXPECT_EQ(project.relations()[before].from, answer.index);
    EXPECT_EQ(project.relations()[before + 1].from, answered.index);
}

// Hostile text in every field a file can hold: whatever view shows it, it is shown as the
// characters it is, never as markup: labels are plain text, text documents hold no image or
// link, table cells show the characters and their tooltips escape them.
TEST_F(MainWindowTest, MarkupInEveryFieldIsShownLiterallyEverywhere)
{
    QTemporaryDir dir;
    const char *img = R"(<img src=\"file:///etc/passwd\">)";
    QString json = QStringLiteral(R"json({"format": "claimline", "version": 1,
        "meta": {"title": "T %1"},
        "parties": [{"id": "p", "name": "P %1", "short_name": "S %1"}],
        "actors": [{"id": "a", "name": "A <a href=\"https://evil.test\">x</a>", "party": "p"}],
        "sources": [{"id": "s", "title": "Src %1", "outlet": "<b>Out</b>",
                     "url": "https://example.org"}],
        "questions": [{"id": "q", "text": "Q %1"}],
        "events": [{"id": "e", "title": "E %1", "summary": "<b>sum</b>", "when": "2025-12-29",
                    "location": {"name": "L %1"}, "parties": ["p"], "tags": ["<i>t</i>"],
                    "sources": [{"source": "s", "excerpt": "X %1"}]}],
        "claims": [{"id": "c", "claimant": "a", "made_at": "2025-12-29T10:00Z", "about": "e",
                    "question": "q", "stance": "affirms", "statement": "C %1",
                    "quote": {"text": "<b>quote</b>"}, "sources": [{"source": "s"}]},
                   {"id": "d", "claimant": "p", "made_at": "2025-12-29T12:00Z",
                    "question": "q", "stance": "denies", "statement": "D %1"}],
        "relations": [{"from": "d", "to": "c", "kind": "denies"}]})json")
                       .arg(QString::fromUtf8(img));
    const QString path
        = writeFile(dir, QStringLiteral("hostile.claimline"), json.toUtf8().constData());
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.show();
    const Project &project = window.document()->project();
    const QString literal = QStringLiteral("<img src=\"file:///etc/passwd\">");

    const auto check = [&](const char *when) {
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        for (const QLabel *label : window.findChildren<QLabel *>())
            EXPECT_EQ(label->textFormat(), Qt::PlainText)
                << when << ": " << label->text().toStdString();
        for (const QTextEdit *edit : window.findChildren<QTextEdit *>())
            EXPECT_FALSE(edit->acceptRichText()) << when;
        for (const QPlainTextEdit *edit : window.findChildren<QPlainTextEdit *>()) {
            for (QTextBlock block = edit->document()->begin(); block.isValid();
                 block = block.next()) {
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    EXPECT_FALSE(it.fragment().charFormat().isImageFormat()) << when;
                    EXPECT_FALSE(it.fragment().charFormat().isAnchor()) << when;
                }
            }
        }
    };
    for (const char *id : {"e", "c", "d", "p", "a", "s", "q"}) {
        window.selection()->select(*project.find(id));
        check(id);
    }
    // The details show the characters.
    window.selection()->select(*project.find("c"));
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.detailsView()->text().contains(QStringLiteral("C ") + literal))
        << window.detailsView()->text().toStdString();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("hostile.claimline")));
    EXPECT_TRUE(window.statusText().contains(QStringLiteral("T ") + literal));

    // The table: cells hold the characters; the tooltip the table shows has them escaped.
    QTableView *table = window.table()->table();
    QAbstractItemModel *model = table->model();
    ASSERT_GT(model->rowCount(), 0);
    QModelIndex hostileCell;
    for (int row = 0; row < model->rowCount() && !hostileCell.isValid(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            if (model->data(index).toString().contains(literal)) {
                hostileCell = index;
                break;
            }
        }
    }
    ASSERT_TRUE(hostileCell.isValid());
    table->scrollTo(hostileCell);
    const QPoint at = table->visualRect(hostileCell).center();
    QHelpEvent help(QEvent::ToolTip, at, table->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(table->viewport(), &help);
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains(QStringLiteral("&lt;img"))) << tip.toStdString();
    EXPECT_FALSE(tip.contains(QStringLiteral("<img"))) << tip.toStdString();
    QToolTip::hideText();
}

// File > Print: asks which view, then previews it on pages (the narratives here; the preview
// paints the pages when it opens).
TEST_F(MainWindowTest, PrintAsksWhichViewAndPreviewsItsPages)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    QAction *print = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Print…"))
            print = action;
    }
    ASSERT_NE(print, nullptr);
    QStringList offered;
    int pages = -1;
    // Answers the two dialogs as they open: the choice, then the preview.
    QTimer driver;
    driver.setInterval(20);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *ask = qobject_cast<QInputDialog *>(widget); ask && ask->isVisible()) {
                offered = ask->comboBoxItems();
                ask->setTextValue(QStringLiteral("Narratives: matrix"));
                ask->accept();
            } else if (auto *preview = qobject_cast<QPrintPreviewDialog *>(widget);
                       preview && preview->isVisible()) {
                if (auto *view = preview->findChild<QPrintPreviewWidget *>())
                    pages = view->pageCount();
                if (const QByteArray out = qgetenv("CLAIMLINE_PRINT_PNG"); !out.isEmpty())
                    preview->grab().save(QString::fromLocal8Bit(out));
                preview->reject();
            }
        }
    });
    driver.start();
    print->trigger();
    driver.stop();
    // Timeline, matrix, side by side, positions, five charts.
    EXPECT_EQ(offered.size(), 4 + 5) << offered.join(QStringLiteral(", ")).toStdString();
    EXPECT_GE(pages, 2); // the matrix is taller than one landscape page
}
