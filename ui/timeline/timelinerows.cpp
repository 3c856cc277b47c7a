// The rows of a lane: where each mark and its label go, and the "+3 more" chips of the items
// that find no row. Part of TimelineRenderer's layout (timelinerenderer.h).

#include "timeline/timelinerenderer.h"

#include "model/project.h"
#include "timeline/timelinepaint.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace claimline {

using namespace timelinepaint;

namespace {

// Two things in one row clash when they overlap, unless they are spans of the same extent
// (the items of one day): those share the strip and only their glyphs and labels must not
// overlap.
template<typename Entry>
bool clash(const Entry &a, const Entry &b)
{
    const bool sameStrip = a.strip && b.strip && std::abs(a.stripLeft - b.stripLeft) < 0.5
        && std::abs(a.stripRight - b.stripRight) < 0.5;
    if (sameStrip)
        return a.textLeft < b.textRight + RowGap && b.textLeft < a.textRight + RowGap;
    return a.left < b.right + RowGap && b.left < a.right + RowGap;
}

int partyChips(const Project &project, std::uint32_t code)
{
    const ItemRef item = LaneCode::item(code);
    if (item.kind != ItemKind::Event)
        return 0;
    return int(std::min<std::size_t>(project.indices(project.events()[item.index].parties).size(),
                                     MaxChips));
}

} // namespace

// Gives each candidate the first row where it and its label fit; a span's glyph may move
// along the span to find room. What finds none is listed in a cluster under the lane.
void TimelineRenderer::placeCandidates(const Input &input, TimelineFrame::LaneBox box)
{
    const Project &project = *input.project;
    const QFontMetricsF fm(input.font);
    const double width = m_frame.plot.width();
    const bool picture = input.exporting;
    const std::size_t maxRows = std::size_t(picture ? PictureMaxRows : m_metrics.maxRows);
    if (m_rows.size() < maxRows)
        m_rows.resize(maxRows);
    for (std::size_t r = 0; r < maxRows; ++r)
        m_rows[r].clear();
    const double textHeight = m_metrics.rowHeight - StripSpace;
    const double averageChar = std::max(1.0, fm.averageCharWidth());
    const double lineSpacing = fm.lineSpacing();
    // On screen, a narrow plot gets shorter labels (the tooltip and the Details say it all):
    // more items find a row.
    const double screenLabelWidth = std::clamp(
        width * 0.3, std::min(150.0, m_metrics.maxLabelWidth), m_metrics.maxLabelWidth);
    const auto rowFree = [this](std::size_t row, const RowEntry &entry) {
        return std::none_of(m_rows[row].begin(), m_rows[row].end(),
                            [&entry](const RowEntry &e) { return clash(e, entry); });
    };
    std::size_t rowsUsed = 1;
    m_overflow.clear();
    std::vector<double> positions;
    for (const Candidate &c : m_candidates) {
        const int chips = partyChips(project, c.code);
        const double chipsWidth = chips > 0 ? chips * (ChipSize + ChipGap) + 1 : 0.0;
        const auto entryFor = [&c](double textLeft, double textRight) {
            RowEntry e {};
            e.textLeft = textLeft;
            e.textRight = textRight;
            e.strip = c.bar;
            e.stripLeft = c.x0;
            e.stripRight = c.x1;
            e.left = c.bar ? std::min(textLeft, c.x0) : textLeft;
            e.right = c.bar ? std::max(textRight, c.x1) : textRight;
            return e;
        };
        // Text shaping is the costly part of a crowded frame: skip it for an item whose glyph
        // alone finds no row.
        // The places a row offers the glyph: where the item starts, and, for a span, just
        // after each label that shares its strip.
        const auto placesIn = [this, &c, &positions](std::size_t r) {
            positions.assign(1, c.glyph);
            if (c.glyphMax > c.glyph) {
                for (const RowEntry &e : m_rows[r]) {
                    const double after = e.textRight + RowGap;
                    if (after > c.glyph && after <= c.glyphMax)
                        positions.push_back(after);
                }
                std::sort(positions.begin(), positions.end());
            }
        };
        bool room = false;
        for (std::size_t r = 0; r < maxRows && !room; ++r) {
            placesIn(r);
            room = std::any_of(positions.begin(), positions.end(),
                               [&](double g) { return rowFree(r, entryFor(g, g + MarkSize)); });
        }
        if (!room) {
            m_overflow.emplace_back(m_frame.plot.left() + c.glyph + MarkSize / 2, c.code);
            continue;
        }
        QString text = labelText(project, c.code, !picture);
        // On screen a label is one line of at most screenLabelWidth: shape no more of a long
        // statement than can show (text shaping is the costly part of a frame).
        const auto visibleChars = qsizetype(2 * screenLabelWidth / averageChar) + 8;
        if (!picture && text.size() > visibleChars)
            text.truncate(visibleChars);
        const double advance = fm.horizontalAdvance(text);
        double textWidth
            = picture ? std::min(advance, PictureLabelWidth) : std::min(advance, screenLabelWidth);

        std::size_t row = maxRows;
        double glyph = c.glyph;
        double labelLeft = 0;
        double labelWidth = textWidth;
        std::size_t rows = 1;
        bool flipped = false;
        for (std::size_t r = 0; r < maxRows && row == maxRows; ++r) {
            placesIn(r);
            for (const double g : positions) {
                // The label right of the glyph, or left of it where the plot ends; the side
                // with more room, shortened (on screen) or wrapped (in a picture), when it
                // fits on neither.
                const double head = MarkSize + chipsWidth + LabelGap;
                const double rightRoom = width - (g + head);
                const double leftRoom = g - chipsWidth - LabelGap;
                double w = textWidth;
                bool left = false;
                if (w > rightRoom) {
                    left = leftRoom >= w || leftRoom > rightRoom;
                    w = std::min(w, std::max(24.0, left ? leftRoom : rightRoom));
                }
                std::size_t lines = 1;
                if (picture && advance > w + 0.5) {
                    const double height
                        = fm.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, text).height();
                    const double textLines = std::ceil(height / lineSpacing - 0.01);
                    lines = 1
                        + std::size_t(std::ceil(std::max(0.0, textLines * lineSpacing - textHeight)
                                                / m_metrics.rowHeight));
                    lines = std::min<std::size_t>(lines, PictureMaxLines);
                }
                if (r + lines > maxRows)
                    continue;
                const double textLeft = left ? g - chipsWidth - LabelGap - w : g;
                const double textRight = left ? g + MarkSize : g + head + w;
                RowEntry entry = entryFor(textLeft, textRight);
                if (!rowFree(r, entry))
                    continue;
                RowEntry rest {};
                rest.textLeft = rest.left = left ? textLeft : g + head;
                rest.textRight = rest.right = left ? g - chipsWidth - LabelGap : textRight;
                bool free = true;
                for (std::size_t k = 1; k < lines && free; ++k)
                    free = rowFree(r + k, rest);
                if (!free)
                    continue;
                m_rows[r].push_back(entry);
                for (std::size_t k = 1; k < lines; ++k)
                    m_rows[r + k].push_back(rest);
                row = r;
                glyph = g;
                labelWidth = w;
                labelLeft = left ? textLeft : g + head;
                rows = lines;
                flipped = left;
                break;
            }
        }
        if (row == maxRows) {
            m_overflow.emplace_back(m_frame.plot.left() + c.glyph + MarkSize / 2, c.code);
            continue;
        }
        rowsUsed = std::max(rowsUsed, row + rows);

        TimelineFrame::Mark mark;
        const double plotLeft = m_frame.plot.left();
        const double rowTop = m_frame.plot.top() + box.top - input.scrollY + m_metrics.lanePadding
            + double(row) * m_metrics.rowHeight;
        const double cy = rowTop + textHeight / 2;
        mark.rect = QRectF(plotLeft + glyph, cy - MarkSize / 2, MarkSize, MarkSize);
        if (c.bar)
            mark.strip = QRectF(plotLeft + c.x0, rowTop + textHeight + 1, c.x1 - c.x0, StripHeight);
        if (chips > 0) {
            const double chipsLeft = flipped ? glyph - chipsWidth : glyph + MarkSize + 2;
            mark.chips = QRectF(plotLeft + chipsLeft, cy - ChipSize / 2, chipsWidth - 2, ChipSize);
        }
        mark.bar = c.bar;
        mark.code = c.code;
        mark.laneBox = std::uint32_t(m_frame.lanes.size());
        mark.anchor = mark.rect.center();
        mark.label = QRectF(plotLeft + labelLeft, rowTop, labelWidth,
                            textHeight + double(rows - 1) * m_metrics.rowHeight);
        mark.wrapped = rows > 1;
        if (mark.wrapped || advance <= labelWidth + 0.5) {
            mark.text = text;
        } else {
            mark.text = fm.elidedText(text, Qt::ElideRight, labelWidth + 0.5);
            mark.label.setWidth(std::min(labelWidth, fm.horizontalAdvance(mark.text)));
        }
        m_frame.marks.push_back(mark);
    }
    const double clusterTop = m_frame.plot.top() + box.top - input.scrollY + m_metrics.lanePadding
        + double(rowsUsed) * m_metrics.rowHeight;
    if (placeClusters(input, clusterTop))
        ++rowsUsed;
    box.rows = int(rowsUsed);
    box.height = 2 * m_metrics.lanePadding + double(rowsUsed) * m_metrics.rowHeight;
    m_frame.lanes.push_back(box);
}

// The items without a row, as chips in a row of their own under the lane's marks: items close
// in time share a chip, and chips never overlap or leave the plot.
bool TimelineRenderer::placeClusters(const Input &input, double top)
{
    if (m_overflow.empty())
        return false;
    const Project &project = *input.project;
    const QFontMetricsF fm(input.font);
    const double left = m_frame.plot.left();
    const double right = m_frame.plot.right();
    std::stable_sort(m_overflow.begin(), m_overflow.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    // A chip's width by its number of digits, shaped once per frame, not once per item: a
    // crowded window may list thousands.
    const double digit = fm.horizontalAdvance(QStringLiteral("0"));
    const double frame = fm.horizontalAdvance(TimelineFrame::clusterLabel(0)) - digit;
    const auto chipWidth = [digit, frame](std::size_t count) {
        double digits = 1;
        for (std::size_t n = count; n >= 10; n /= 10)
            ++digits;
        return std::ceil(frame + digits * digit) + 14;
    };
    const std::uint32_t laneBox = std::uint32_t(m_frame.lanes.size());
    const std::size_t firstCluster = m_frame.clusters.size();
    std::size_t i = 0;
    while (i < m_overflow.size()) {
        // A chip gathers the items that start within its own width of the first.
        std::size_t j = i + 1;
        while (j < m_overflow.size()
               && m_overflow[j].first - m_overflow[i].first < chipWidth(j + 1 - i) + ClusterGap)
            ++j;
        TimelineFrame::Cluster cluster;
        cluster.laneBox = laneBox;
        cluster.first = std::uint32_t(m_frame.clusterCodes.size());
        cluster.count = std::uint32_t(j - i);
        // What to zoom into: the extent of its items within the window, leaving out the
        // background spans (wider than half the window) unless there is nothing else.
        const double windowFrom = input.scale.start();
        const double windowTo = input.scale.end();
        cluster.from = std::numeric_limits<double>::max();
        cluster.to = std::numeric_limits<double>::lowest();
        for (int pass = 0; pass < 2 && cluster.from > cluster.to; ++pass) {
            for (std::size_t k = i; k < j; ++k) {
                const FuzzyTime &time = timeOf(project, m_overflow[k].second);
                const double from = time.isOpenStart() ? windowFrom : double(time.start());
                const double to = time.isOpenEnd() ? windowTo : double(time.end());
                if (pass == 0 && to - from > (windowTo - windowFrom) / 2)
                    continue;
                cluster.from = std::min(cluster.from, std::max(from, windowFrom));
                cluster.to = std::max(cluster.to, std::min(to, windowTo));
            }
        }
        for (std::size_t k = i; k < j; ++k)
            m_frame.clusterCodes.push_back(m_overflow[k].second);
        const double w = chipWidth(cluster.count);
        const double centre = (m_overflow[i].first + m_overflow[j - 1].first) / 2;
        double x = std::clamp(centre - w / 2, left + 1, right - w - 1);
        if (m_frame.clusters.size() > firstCluster) {
            TimelineFrame::Cluster &previous = m_frame.clusters.back();
            if (x < previous.rect.right() + ClusterGap) {
                x = previous.rect.right() + ClusterGap;
                if (x + w > right - 1) {
                    // No room to its right: the previous chip takes these items too.
                    previous.count += cluster.count;
                    previous.from = std::min(previous.from, cluster.from);
                    previous.to = std::max(previous.to, cluster.to);
                    const double pw = chipWidth(previous.count);
                    previous.rect = QRectF(std::min(previous.rect.left(), right - pw - 1),
                                           previous.rect.top(), pw, previous.rect.height());
                    i = j;
                    continue;
                }
            }
        }
        cluster.rect = QRectF(x, top + 2, w, std::ceil(fm.height()) + 2);
        m_frame.clusters.push_back(cluster);
        i = j;
    }
    return true;
}

} // namespace claimline
