// claimline-bench: the table's model and proxy, its sorting and search, and
// QSortFilterProxyModel for comparison.

#include "bench.h"
#include "common/picture.h"
#include "document/document.h"
#include "document/filter.h"
#include "export/csvexport.h"
#include "export/timelinejsexport.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "model/generator.h"
#include "present/timelinelanes.h"
#include "search/searchindex.h"
#include "session/autosave.h"
#include "session/recoveryfile.h"
#include "session/safewrite.h"
#include "table/itemtablemodel.h"
#include "table/itemtableproxy.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinerenderer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <spdlog/spdlog.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <new>
#include <optional>
#include <vector>

using namespace claimline;
using namespace claimline::bench;

namespace {

// QSortFilterProxyModel driven the way the brief for the table asked first, for comparison:
// lessThan() compares raw values by source row (no QVariant), filterAcceptsRow() asks the
// Filter. ItemTableProxy replaced it; this shows why.
class QsfpmProxy final : public QSortFilterProxyModel
{
public:
    QsfpmProxy(ItemTableModel *model, const Filter *filter)
        : m_model(model)
        , m_filter(filter)
    {
        setSourceModel(model);
    }
    void refilter() { invalidateFilter(); }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return m_model->compare(left.column(), left.row(), right.row()) < 0;
    }
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        return m_filter->acceptsEvent(m_model->project(), std::uint32_t(row));
    }

private:
    ItemTableModel *m_model;
    const Filter *m_filter;
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

namespace claimline::bench {

int runTable(qulonglong events, int runs, qulonglong qsfpmLimit)
{
    Document document;
    document.setProject(generateProject(events, 1));
    const Project &project = document.project();
    (void)project.relationsAnswering(0); // derived indexes, built once at load
    QElapsedTimer timer;

    // The search index: built by the first query, dropped by an edit.
    timer.start();
    const SearchIndex index(project);
    const double indexMs = msSince(timer);
    const double indexMiB = double(index.memoryUsage()) / (1024.0 * 1024.0);
    (void)project.searchIndex();

    timer.restart();
    ItemTableModel model(&document);
    Filter filter;
    ItemTableProxy proxy(&filter);
    proxy.setSourceModel(&model);
    const double buildMs = msSince(timer);

    std::vector<double> dateMs;
    std::vector<double> titleMs;
    for (int i = 0; i < runs; ++i) {
        proxy.sort(-1);
        timer.restart();
        proxy.sort(ItemTableModel::EventDate, Qt::AscendingOrder);
        dateMs.push_back(msSince(timer));
        proxy.sort(-1);
        timer.restart();
        proxy.sort(ItemTableModel::EventTitle, Qt::AscendingOrder);
        titleMs.push_back(msSince(timer));
    }

    // Keystrokes, each timed from the new query to the rows being ready: the search and the
    // pass over every row. Every run starts from a fresh Filter (nothing remembered), sorted
    // by date, with and without a table view on the proxy.
    const std::vector<QString> keys {QStringLiteral("t"), QStringLiteral("te"),
                                     QStringLiteral("ter"), QStringLiteral("terr"),
                                     QStringLiteral("zzz")};
    std::vector<std::vector<double>> keyMs(keys.size());
    std::vector<double> withViewMs;
    for (int i = 0; i < runs; ++i) {
        for (const bool withView : {false, true}) {
            Filter fresh;
            ItemTableProxy rows(&fresh);
            rows.setSourceModel(&model);
            rows.sort(ItemTableModel::EventDate);
            std::unique_ptr<QTableView> view;
            if (withView) {
                view = std::make_unique<QTableView>();
                view->resize(1280, 800);
                view->setModel(&rows);
            }
            for (std::size_t k = 0; k < keys.size(); ++k) {
                if (keys[k] == QStringLiteral("zzz")) { // a fresh query, not typed on
                    fresh.setTextQuery({});
                    rows.invalidateFilter();
                }
                fresh.setTextQuery(keys[k]);
                timer.restart();
                rows.invalidateFilter();
                (withView ? withViewMs : keyMs[k]).push_back(msSince(timer));
            }
        }
    }

    // QSortFilterProxyModel, once per measurement: at a million rows it takes too long to
    // repeat (and is not run past --qsfpm-max).
    double qDateMs = -1;
    double qTitleMs = -1;
    double qKeyMs = -1;
    if (events <= qsfpmLimit) {
        Filter qFilter;
        QsfpmProxy q(&model, &qFilter);
        timer.restart();
        q.sort(ItemTableModel::EventDate);
        qDateMs = msSince(timer);
        timer.restart();
        q.sort(ItemTableModel::EventTitle);
        qTitleMs = msSince(timer);
        q.sort(ItemTableModel::EventDate);
        std::vector<double> qKeys;
        for (const QString &key : keys) {
            qFilter.setTextQuery(key);
            timer.restart();
            q.refilter();
            qKeys.push_back(msSince(timer));
        }
        qKeyMs = median(qKeys);
    }
    std::printf("%llu\t%.1f\t%.1f\t%.2f\t%.1f\t%.1f", events, buildMs, indexMs, indexMiB,
                median(dateMs), median(titleMs));
    for (const std::vector<double> &ms : keyMs)
        std::printf("\t%.1f", median(ms));
    std::printf("\t%.1f\t%.0f\t%.0f\t%.1f\n", median(withViewMs), qDateMs, qTitleMs, qKeyMs);
    return 0;
}

} // namespace claimline::bench
