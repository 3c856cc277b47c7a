#pragma once

// ChartsView: the five charts of a project (claims per party over time, the stance matrix,
// response lag, status by party, event tempo), one at a time, picked from a combo box.
//
// It observes the shared Document, Filter and Selection and never talks to another view: a
// document or filter change recomputes the chart once per turn of the event loop; clicking a
// bar, box or line point selects the items that cell counts. Titles, axis titles and the
// credit line are automatic and can be overridden per chart (Edit Labels); the chart follows
// the widget palette (dark mode) and exports in the light publication palette.

#include "charts/chartbuilder.h"
#include "present/chartdata.h"

#include <QTimeZone>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>
#include <utility>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QTimer;
class QToolButton;

namespace claimline {

class Document;
class Filter;
class Selection;
struct StructureChange;
class TimeWindow;
struct Picture;

class ChartsView final : public QWidget
{
    Q_OBJECT

public:
    ChartsView(Document *document, Selection *selection, Filter *filter, QWidget *parent = nullptr);
    ~ChartsView() override;

    ChartKind kind() const { return m_kind; }
    void setKind(ChartKind kind);
    // Stacked or grouped bars (claims per day, event tempo, stance matrix).
    void setStacked(bool stacked);

    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone);
    // Follows the shared time window (every chart: the time charts span it, the others count
    // what is in it; an empty window is everything) and display zone.
    void setTimeWindow(TimeWindow *window);

    // The user's labels for the current chart (empty fields are automatic).
    ChartLabels labels() const { return m_labels[std::size_t(m_kind)]; }
    void setLabels(const ChartLabels &labels);

    // --- what is shown, for tests and exports -----------------------------------------------
    const ChartData &data() const { return m_data; }
    QChart *chart() const { return m_chart; }
    // How many times the chart was recomputed (for tests of the coalescing).
    int rebuildCount() const { return m_rebuildCount; }
    // How many times the chart was drawn again (a recomputed chart that draws the same is not).
    int redrawCount() const { return m_redrawCount; }
    // Recomputes now if a rebuild is pending, or the view missed changes while hidden.
    void flush();
    // The current chart in the light publication palette, as the view shows it.
    Picture picture(QSizeF size) const;

public Q_SLOTS:
    // The timeline's visible range (UTC seconds), which every chart follows; from >= to:
    // none (everything).
    void setVisibleRange(double from, double to);
    // Selects the items a cell counts (what a click on a bar does).
    void activateCell(std::size_t series, std::size_t category);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createControls();
    // A rebuild that draws again whatever the data (a change of what the data does not hold:
    // the style, the labels, a party's colour).
    void scheduleRebuild();
    // A rebuild that draws again only when the data draws differently.
    void scheduleRecount();
    void followStructure(const StructureChange &change);
    void rebuild();
    void updateControls();
    void updateFooter();
    void labelEdited();
    void redraw();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    ChartKind m_kind = ChartKind::ClaimsPerDay;
    bool m_stacked = true;
    QTimeZone m_zone = QTimeZone::utc();
    std::optional<std::pair<std::int64_t, std::int64_t>> m_range;
    std::array<ChartLabels, ChartKindCount> m_labels;
    ChartData m_data;
    int m_rebuildCount = 0;
    int m_redrawCount = 0;
    // Something the data does not hold changed since the last drawing (scheduleRebuild()).
    bool m_redrawDue = true;
    double m_drawnWidth = 0;

    QComboBox *m_kindBox = nullptr;
    QComboBox *m_modeBox = nullptr;
    QToolButton *m_labelsButton = nullptr;
    QWidget *m_labelsEditor = nullptr;
    QLineEdit *m_titleEdit = nullptr;
    QLineEdit *m_xTitleEdit = nullptr;
    QLineEdit *m_yTitleEdit = nullptr;
    QLineEdit *m_creditEdit = nullptr;
    QScrollArea *m_scrollArea = nullptr;
    QChartView *m_chartView = nullptr;
    QChart *m_chart = nullptr;
    QLabel *m_footer = nullptr;
    // How often, at most, the charts follow a window that keeps moving (a pan, a zoom).
    static constexpr int RangeFollowMs = 150;
    QTimer *m_rebuildTimer = nullptr;
    // Changes came while the view was hidden (a tab behind another): rebuilt when shown.
    bool m_stale = true;
};

} // namespace claimline
