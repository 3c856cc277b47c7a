#pragma once

// Shared by the ItemTableView tests: the sample (or another file) in a document, a table view
// on it with its models under QAbstractItemModelTester, and typing into the search field.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/project.h"
#include "table/itemtablemodel.h"
#include "table/itemtableproxy.h"
#include "table/itemtableview.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace claimline::test {

using Mode = ItemTableModel::Mode;

inline void settle()
{
    QCoreApplication::processEvents();
}

struct ItemTableFixture
{
    explicit ItemTableFixture(const QString &path = test::samplePath())
    {
        const Problems problems = document.load(path);
        EXPECT_TRUE(problems.empty());
        view.resize(1400, 700);
        // Every model change below is checked for consistency as it happens.
        modelTester = std::make_unique<QAbstractItemModelTester>(
            view.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxyTester = std::make_unique<QAbstractItemModelTester>(
            view.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    const Project &project() const { return document.project(); }
    ItemTableProxy &proxy() { return *view.proxy(); }
    QTableView &table() { return *view.table(); }
    std::uint32_t sourceRow(int proxyRow) { return std::uint32_t(proxy().sourceRowOf(proxyRow)); }
    QString cell(int proxyRow, int column)
    {
        return proxy().index(proxyRow, column).data(Qt::DisplayRole).toString();
    }
    ItemRef find(std::string_view id) const
    {
        const auto item = project().find(id);
        EXPECT_TRUE(item.has_value()) << id;
        return item.value_or(ItemRef {});
    }
    // Types into the search field and waits out the debounce.
    void type(const QString &text)
    {
        QLineEdit *search = view.findChild<QLineEdit *>(QStringLiteral("tableSearch"));
        search->selectAll();
        QTest::keyClick(search, Qt::Key_Backspace);
        // Key events carrying the text: QTest::keyClicks() knows Latin letters only.
        for (const QChar c : text) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QCoreApplication::sendEvent(search, &press);
            QCoreApplication::sendEvent(search, &release);
        }
        QTest::qWait(ItemTableView::SearchDelayMs + 100);
        settle();
    }

    Document document;
    Selection selection;
    Filter filter;
    ItemTableView view {&document, &selection, &filter};
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
};

} // namespace claimline::test
