#pragma once

// TimelineOverview: the minimap under the timeline. It shows how items spread over the whole
// project and the visible window as a box; dragging the box (or clicking elsewhere) moves the
// window, the wheel zooms it.

#include <QWidget>

#include <cstdint>
#include <vector>

namespace claimline {

class TimelineView;

class TimelineOverview final : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineOverview(TimelineView *view, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    // The visible window's box, in widget coordinates.
    QRectF windowBox() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void recount();
    double xOf(double t) const;
    double timeAt(double x) const;
    double stripLeft() const;

    TimelineView *m_view = nullptr;
    std::vector<std::uint32_t> m_columns;
    std::uint32_t m_max = 0;
    double m_from = 0; // the project's extent shown across the strip ([from, to) seconds UTC)
    double m_to = 1;
    bool m_dragging = false;
    double m_grabOffset = 0; // seconds between the press and the window's centre
};

} // namespace claimline
