#include "narratives/narrativesrenderer.h"

#include "narratives/narrativesrendererparts.h"

#include "common/colors.h"
#include "model/project.h"
#include "present/narrativestext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace claimline {

using namespace narrativeslayout;

namespace {

bool contains(const std::vector<std::uint32_t> &sorted, std::uint32_t value)
{
    return std::binary_search(sorted.begin(), sorted.end(), value);
}

} // namespace

NarrativesRenderer::NarrativesRenderer()
{
    setFont(QFont());
    setPalette(QPalette());
}

NarrativesRenderer::~NarrativesRenderer() = default;

void NarrativesRenderer::setContent(const Project *project, const NarrativesTable *table)
{
    m_project = project;
    m_table = table;
    layoutColumns();
}

void NarrativesRenderer::setFont(const QFont &font)
{
    m_font = font;
    updateFonts();
    layoutColumns();
}

void NarrativesRenderer::setPalette(const QPalette &palette)
{
    m_palette = palette;
    m_theme = NarrativesTheme::from(palette);
}

void NarrativesRenderer::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    clearCache();
}

void NarrativesRenderer::setWidth(double width)
{
    if (width == m_width)
        return;
    m_width = width;
    layoutColumns();
}

void NarrativesRenderer::clearCache()
{
    m_rows.clear();
}

void NarrativesRenderer::setStatementLines(int lines)
{
    m_statementLines = std::max(1, lines);
    m_rows.clear();
}

void NarrativesRenderer::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    layoutColumns();
}

void NarrativesRenderer::setExpanded(std::uint32_t question, bool expanded)
{
    const auto it = std::lower_bound(m_expanded.begin(), m_expanded.end(), question);
    const bool now = it != m_expanded.end() && *it == question;
    if (now == expanded)
        return;
    if (expanded)
        m_expanded.insert(it, question);
    else
        m_expanded.erase(it);
    m_rows.clear();
}

bool NarrativesRenderer::isExpanded(std::uint32_t question) const
{
    return std::binary_search(m_expanded.begin(), m_expanded.end(), question);
}

void NarrativesRenderer::setExpandedQuestions(std::vector<std::uint32_t> questions)
{
    std::sort(questions.begin(), questions.end());
    questions.erase(std::unique(questions.begin(), questions.end()), questions.end());
    if (questions == m_expanded)
        return;
    m_expanded = std::move(questions);
    m_rows.clear();
}

double NarrativesRenderer::pad() const
{
    return m_compact ? CompactPad : Pad;
}

double NarrativesRenderer::cardPad() const
{
    return m_compact ? CompactCardPad : CardPad;
}

double NarrativesRenderer::cardGap() const
{
    return m_compact ? CompactCardGap : CardGap;
}

void NarrativesRenderer::updateFonts()
{
    m_bold = m_font;
    m_bold.setBold(true);
    m_small = m_font;
    if (m_font.pointSizeF() > 0)
        m_small.setPointSizeF(m_font.pointSizeF() * 0.88);
    else
        m_small.setPixelSize(std::max(8, int(m_font.pixelSize() * 0.88)));
    m_smallBold = m_small;
    m_smallBold.setBold(true);
    m_italic = m_font;
    m_italic.setItalic(true);
    m_heading = m_bold;
    if (m_font.pointSizeF() > 0)
        m_heading.setPointSizeF(m_font.pointSizeF() * 1.08);
    else
        m_heading.setPixelSize(int(std::round(m_font.pixelSize() * 1.08)));
    m_line = std::ceil(QFontMetricsF(m_font).height());
    m_smallLine = std::ceil(QFontMetricsF(m_small).height());
}

void NarrativesRenderer::layoutColumns()
{
    m_rows.clear();
    m_columns.clear();
    const int count = m_table ? m_table->columnCount() : 0;
    if (!m_table || m_table->mode() == NarrativesMode::Matrix) {
        // Compact: a narrower question column and party columns, so that nine parties fit
        // a 1440 px window.
        m_rowHeaderWidth = m_compact ? std::clamp(std::round(m_width * 0.14), 170.0, 250.0)
                                     : std::clamp(std::round(m_width * 0.2), 210.0, 300.0);
        const double available = m_width - m_rowHeaderWidth;
        const double least = m_compact ? MinCompactColumn : MinColumn;
        const double width = count > 0 ? std::max(least, std::floor(available / count)) : least;
        for (int c = 0; c < count; ++c)
            m_columns.push_back({m_rowHeaderWidth + c * width, width});
        m_contentWidth = std::max(m_width, m_rowHeaderWidth + count * width);
    } else {
        m_rowHeaderWidth = 0;
        const double width = std::max(MinSideColumn, std::floor((m_width - LinkWidth) / 2));
        m_columns = {{0, width}, {width, LinkWidth}, {width + LinkWidth, width}};
        m_contentWidth = std::max(m_width, 2 * width + LinkWidth);
    }
    layoutHeader();
}

void NarrativesRenderer::layoutHeader()
{
    m_header.clear();
    m_headerHeight = BarHeight + 2 * Pad + m_line + m_smallLine;
    if (!m_table || !m_project)
        return;
    double tallest = m_line;
    double countHeight = m_smallLine;
    // "11 on these questions · 16 in all", or in a narrow column "11 on questions", "16 in
    // all" on two lines: never broken inside a count.
    const auto countText = [&](int column, double width) {
        const QFontMetricsF metrics(m_small);
        const double room = width - 2 * Pad;
        QString text = m_table->countText(column);
        if (metrics.horizontalAdvance(text) <= room)
            return text;
        text = m_table->countText(column, true);
        if (metrics.horizontalAdvance(text) <= room)
            return text;
        return text.replace(QStringLiteral(" · "), QString(QChar::LineSeparator));
    };
    const auto add = [&](Column column, const QString &title, const QString &count,
                         std::vector<QColor> swatches) {
        HeaderCell cell;
        cell.column = column;
        cell.swatches = std::move(swatches);
        const double swatchWidth
            = cell.swatches.empty() ? 0 : double(cell.swatches.size()) * (Swatch + 3) + 4;
        const double x = column.x + Pad + swatchWidth;
        cell.title = TextBlock::make(title, m_bold, column.width - 2 * Pad - swatchWidth, 2,
                                     QPointF(x, BarHeight + Pad));
        tallest = std::max(tallest, cell.title.height);
        cell.count = TextBlock::make(count, m_small, column.width - 2 * Pad, 3);
        countHeight = std::max(countHeight, cell.count.height);
        m_header.push_back(std::move(cell));
    };
    const auto swatchesOf = [this](const std::vector<std::uint32_t> &parties) {
        std::vector<QColor> colors;
        for (const std::uint32_t p : parties)
            colors.push_back(m_theme.partyColor(*m_project, p));
        return colors;
    };
    if (m_table->mode() == NarrativesMode::Matrix) {
        add({0, m_rowHeaderWidth}, QStringLiteral("Question"),
            QStringLiteral("%1 questions").arg(m_table->rowCount()), {});
        for (int c = 0; c < m_table->columnCount(); ++c)
            add(m_columns[std::size_t(c)], m_table->columnTitle(*m_project, c),
                countText(c, m_columns[std::size_t(c)].width),
                swatchesOf(m_table->columnParties(c)));
    } else {
        for (int c = 0; c < 3; ++c) {
            if (c == NarrativesTable::ColumnLink)
                add(m_columns[1], QStringLiteral("Answer"), QStringLiteral("lag"), {});
            else
                add(m_columns[std::size_t(c)], m_table->columnTitle(*m_project, c),
                    countText(c, m_columns[std::size_t(c)].width),
                    swatchesOf(m_table->columnParties(c)));
        }
    }
    for (HeaderCell &cell : m_header)
        cell.count.pos = QPointF(cell.column.x + Pad, BarHeight + Pad + tallest + 2);
    m_headerHeight = std::ceil(BarHeight + 2 * Pad + tallest + 2 + countHeight);
}

double NarrativesRenderer::rowHeight(std::size_t row) const
{
    return layoutRow(row).height;
}

double NarrativesRenderer::estimatedRowHeight(std::size_t row) const
{
    if (!m_table || row >= m_table->rowCount())
        return 0;
    const NarrativesRow &r = m_table->rows()[row];
    if (r.kind == NarrativesRow::Kind::Heading)
        return m_line * 1.2 + 2 * Pad;
    std::size_t most = 0;
    for (std::size_t c = 0; c < r.cells.size(); ++c)
        most = std::max(most, r.cells[c].size() + (c < r.answers.size() ? r.answers[c].size() : 0));
    if (m_compact && r.kind == NarrativesRow::Kind::Question && !isExpanded(r.question)
        && most > MaxCompactCards) {
        most = MaxCompactCards + 1; // the "+N more" chip takes about a card
    }
    const double card = m_compact ? 4 * m_line + m_smallLine + 2 * CompactCardPad
                                  : 6 * m_line + 2 * m_smallLine + 2 * CardPad;
    return std::max(3 * m_line,
                    double(std::clamp<std::size_t>(most, 1, MaxShownCards + 1))
                        * (card + cardGap()))
        + pad();
}

std::vector<NarrativesRenderer::ClaimBox> NarrativesRenderer::claimBoxes(std::size_t row) const
{
    std::vector<ClaimBox> boxes;
    for (const Card &card : layoutRow(row).cards)
        boxes.push_back(
            {card.claim, card.column, card.rect, card.date.rect(), card.claimant.rect()});
    return boxes;
}

std::vector<NarrativesRenderer::MoreBox> NarrativesRenderer::moreBoxes(std::size_t row) const
{
    std::vector<MoreBox> boxes;
    for (const More &more : layoutRow(row).more)
        boxes.push_back(more.box);
    return boxes;
}

QRectF NarrativesRenderer::rowTitleRect(std::size_t row, double hiddenAbove) const
{
    const RowLayout &l = layoutRow(row);
    if (l.kind != NarrativesRow::Kind::Question)
        return QRectF(l.title.pos, QSizeF(m_contentWidth, l.title.height));
    const double top = l.title.pos.y();
    const double bottom = l.subtitle.pos.y() + l.subtitle.height;
    // Pushed down by what is hidden above, but never out of its row.
    const double shift = std::clamp(hiddenAbove, 0.0, std::max(0.0, l.height - bottom - pad()));
    return QRectF(l.title.pos.x(), top + shift, m_rowHeaderWidth - l.title.pos.x(), bottom - top);
}

QString NarrativesRenderer::columnCountText(int column) const
{
    // The matrix's first header cell is the question column's.
    const std::size_t cell
        = std::size_t(column) + (!m_table || m_table->mode() == NarrativesMode::Matrix ? 1 : 0);
    if (column < 0 || cell >= m_header.size() || !m_header[cell].count.layout)
        return {};
    return m_header[cell].count.layout->text().replace(QChar::LineSeparator, QLatin1Char('\n'));
}

QString NarrativesRenderer::rowCountText(std::size_t row) const
{
    if (!m_table || row >= m_table->rowCount())
        return {};
    const RowLayout &l = layoutRow(row);
    return l.subtitle.layout ? l.subtitle.layout->text() : QString();
}

// --- painting -----------------------------------------------------------------------------

void NarrativesRenderer::paintHeader(QPainter &painter, double scrollX, double width) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(QRectF(0, 0, width, m_headerHeight), m_theme.header);
    const bool matrix = !m_table || m_table->mode() == NarrativesMode::Matrix;
    const auto drawCell = [&](const HeaderCell &cell) {
        const Column &column = cell.column;
        if (!cell.swatches.empty()) {
            const double segment = column.width / double(cell.swatches.size());
            for (std::size_t i = 0; i < cell.swatches.size(); ++i)
                painter.fillRect(QRectF(column.x + i * segment, 0, segment, BarHeight),
                                 cell.swatches[i]);
            for (std::size_t i = 0; i < cell.swatches.size(); ++i) {
                const QRectF swatch(column.x + Pad + double(i) * (Swatch + 3),
                                    BarHeight + Pad + (m_line - Swatch) / 2, Swatch, Swatch);
                painter.setPen(QPen(blend(cell.swatches[i], m_theme.text, 0.3), 1));
                painter.setBrush(cell.swatches[i]);
                painter.drawRoundedRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5), 2.5, 2.5);
            }
        }
        cell.title.draw(painter, m_theme.text);
        cell.count.draw(painter, m_theme.muted);
        painter.setPen(QPen(m_theme.grid, 1));
        const double right = std::round(column.x + column.width) - 0.5;
        painter.drawLine(QPointF(right, 0), QPointF(right, m_headerHeight));
    };
    painter.save();
    painter.setClipRect(QRectF(m_rowHeaderWidth, 0, width - m_rowHeaderWidth, m_headerHeight));
    painter.translate(-scrollX, 0);
    for (std::size_t i = matrix ? 1 : 0; i < m_header.size(); ++i)
        drawCell(m_header[i]);
    painter.restore();
    if (matrix && !m_header.empty()) {
        painter.fillRect(QRectF(0, 0, m_rowHeaderWidth, m_headerHeight), m_theme.header);
        drawCell(m_header[0]);
    }
    painter.setPen(QPen(blend(m_theme.grid, m_theme.text, 0.25), 1.5));
    painter.drawLine(QPointF(0, m_headerHeight - 0.75), QPointF(width, m_headerHeight - 0.75));
    painter.restore();
}

void NarrativesRenderer::paintCard(QPainter &painter, const Card &card, double dy,
                                   const Highlight &h) const
{
    const QPointF offset(0, dy);
    const QRectF r = card.rect.translated(offset);
    const bool selected = contains(h.selected, card.claim);
    const bool linked = !selected && contains(h.linked, card.claim);
    QPainterPath path;
    path.addRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    painter.fillPath(path,
                     selected     ? m_theme.highlightFill
                         : linked ? m_theme.linkedFill
                                  : m_theme.card);
    const QColor accent = m_theme.stanceAccent(card.stance);
    painter.save();
    painter.setClipPath(path);
    painter.fillRect(QRectF(r.left(), r.top(), Stripe, r.height()), accent);
    painter.restore();
    painter.setBrush(Qt::NoBrush);
    if (selected) {
        painter.setPen(QPen(m_theme.highlight, 2));
        painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), Radius - 0.5, Radius - 0.5);
    } else if (linked) {
        painter.setPen(QPen(m_theme.highlight, 1.5, Qt::DashLine));
        painter.drawPath(path);
    } else {
        painter.setPen(QPen(m_theme.cardBorder, 1));
        painter.drawPath(path);
    }

    const QRectF chip = card.chip.translated(offset);
    painter.setPen(QPen(blend(m_theme.stanceChipFill(card.stance), accent, 0.5), 1));
    painter.setBrush(m_theme.stanceChipFill(card.stance));
    painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), 3.5, 3.5);
    card.chipText.draw(painter, m_theme.stanceChipText(card.stance), offset);
    card.date.draw(painter, m_theme.muted, offset);
    card.answer.draw(painter, m_theme.muted, offset);
    card.claimant.draw(painter, m_theme.text, offset);
    card.statement.draw(painter, m_theme.text, offset);
    if (card.quote.lines > 0) {
        painter.fillRect(card.quoteBar.translated(offset), m_theme.faint);
        card.quote.draw(painter, blend(m_theme.text, m_theme.muted, 0.4), offset);
    }
    card.footer.draw(painter, m_theme.muted, offset);
    if (card.flag.lines > 0) {
        painter.setPen(QPen(m_theme.flag, 1));
        painter.setBrush(blend(m_theme.card, m_theme.flag, 0.08));
        painter.drawRoundedRect(card.flagRect.translated(offset).adjusted(0.5, 0.5, -0.5, -0.5),
                                3.5, 3.5);
        card.flag.draw(painter, m_theme.flag, offset);
    }
}

void NarrativesRenderer::paintMore(QPainter &painter, const More &more, const Highlight &h) const
{
    // A selected claim that the chip stands for rings the chip.
    const bool selected
        = std::any_of(more.box.hidden.begin(), more.box.hidden.end(),
                      [&h](std::uint32_t claim) { return contains(h.selected, claim); });
    const QRectF r = more.box.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(selected ? QPen(m_theme.highlight, 2) : QPen(m_theme.cardBorder, 1));
    painter.setBrush(selected ? m_theme.highlightFill : m_theme.header);
    painter.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    more.label.draw(painter, m_theme.text);
}

void NarrativesRenderer::paintRow(QPainter &painter, std::size_t row, double top, double scrollX,
                                  double width, const Highlight &highlight) const
{
    const RowLayout &l = layoutRow(row);
    // A row may be taller than the window (a question with hundreds of claims): paint only
    // the cards that meet the clip.
    const QRectF clip
        = painter.hasClipping() ? painter.clipBoundingRect() : QRectF(-1e9, -1e9, 2e9, 2e9);
    const auto inSight = [&](const QRectF &rect) {
        return rect.bottom() + top >= clip.top() && rect.top() + top <= clip.bottom()
            && rect.right() - scrollX >= clip.left() && rect.left() - scrollX <= clip.right();
    };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.translate(0, top);
    const double h = l.height;
    const QPen grid(m_theme.grid, 1);
    const auto columnLines = [&](std::size_t from) {
        painter.setPen(grid);
        for (std::size_t c = from; c < m_columns.size(); ++c) {
            const double right = std::round(m_columns[c].x + m_columns[c].width) - 0.5;
            painter.drawLine(QPointF(right, 0), QPointF(right, h));
        }
    };
    switch (l.kind) {
    case NarrativesRow::Kind::Question: {
        painter.fillRect(QRectF(0, 0, width, h), m_theme.background);
        painter.save();
        painter.setClipRect(QRectF(m_rowHeaderWidth, 0, width - m_rowHeaderWidth, h));
        painter.translate(-scrollX, 0);
        columnLines(0);
        for (const TextBlock &text : l.placeholders)
            text.draw(painter, m_theme.faint);
        for (const Card &card : l.cards) {
            if (inSight(card.rect))
                paintCard(painter, card, 0, highlight);
        }
        for (const More &more : l.more)
            paintMore(painter, more, highlight);
        painter.restore();
        const bool current
            = highlight.question != NoIndex && m_table->rows()[row].question == highlight.question;
        painter.fillRect(QRectF(0, 0, m_rowHeaderWidth, h),
                         current ? m_theme.highlightFill : m_theme.rowHeader);
        if (current)
            painter.fillRect(QRectF(0, 0, 4, h), m_theme.highlight);
        // The question stays in sight while its row scrolls up under the column headers
        // (the clip's top), until the row's bottom pushes it away.
        const double sticky = rowTitleRect(row, clip.top() - top).top() - l.title.pos.y();
        l.title.draw(painter, m_theme.text, QPointF(0, sticky));
        l.subtitle.draw(painter, m_theme.muted, QPointF(0, sticky));
        painter.setPen(grid);
        painter.drawLine(QPointF(m_rowHeaderWidth - 0.5, 0), QPointF(m_rowHeaderWidth - 0.5, h));
        break;
    }
    case NarrativesRow::Kind::Heading:
        painter.fillRect(QRectF(0, 0, width, h), m_theme.heading);
        painter.fillRect(QRectF(0, 0, 4, h), m_theme.muted);
        l.title.draw(painter, m_theme.text);
        break;
    case NarrativesRow::Kind::Pair: {
        painter.fillRect(QRectF(0, 0, width, h), m_theme.background);
        painter.translate(-scrollX, 0);
        columnLines(0);
        for (const Link &link : l.links) {
            const QColor color = m_theme.relationColor(link.kind);
            painter.setPen(QPen(color, 1.6));
            painter.setBrush(Qt::NoBrush);
            const QPointF left(link.label.left(), link.label.center().y());
            const QPointF right(link.label.right(), link.label.center().y());
            QPainterPath path(link.a);
            const double bend = (left.x() - link.a.x()) / 2;
            path.cubicTo(link.a + QPointF(bend, 0), left - QPointF(bend, 0), left);
            path.moveTo(right);
            path.lineTo(link.b);
            painter.drawPath(path);
            // The arrowhead points at the claim that is answered.
            const QPointF tip = link.aAnswers ? link.b : link.a;
            const double dir = link.aAnswers ? 1 : -1;
            QPolygonF head;
            head << tip << tip - QPointF(dir * 8, 4.5) << tip - QPointF(dir * 8, -4.5);
            painter.setBrush(color);
            painter.setPen(Qt::NoPen);
            painter.drawPolygon(head);
            painter.setPen(QPen(color, 1));
            painter.setBrush(m_theme.background);
            painter.drawRoundedRect(link.label, 6, 6);
            link.kindText.draw(painter, color);
            link.lag.draw(painter, m_theme.muted);
        }
        for (const TextBlock &text : l.placeholders)
            text.draw(painter, m_theme.faint);
        for (const Card &card : l.cards) {
            if (inSight(card.rect))
                paintCard(painter, card, 0, highlight);
        }
        break;
    }
    }
    painter.restore();
    painter.save();
    painter.setPen(grid);
    painter.drawLine(QPointF(0, top + h - 0.5), QPointF(width, top + h - 0.5));
    painter.restore();
}

double NarrativesRenderer::paintLegend(QPainter *painter, const QPointF &origin, double width) const
{
    const double chipHeight = m_smallLine + 4;
    double x = 0;
    double y = 0;
    const auto place = [&](double w) {
        if (x > 0 && x + w > width) {
            x = 0;
            y += chipHeight + 6;
        }
        const QPointF at = origin + QPointF(x, y);
        x += w + 10;
        return at;
    };
    const auto text = [&](const QString &s, const QFont &font, const QColor &color) {
        const TextBlock block = TextBlock::make(s, font, width, 1);
        const QPointF at = place(block.naturalWidth);
        if (painter) {
            TextBlock placed = block;
            placed.pos = at + QPointF(0, 2);
            placed.draw(*painter, color);
        }
    };
    const auto chip
        = [&](const QString &s, const QColor &fill, const QColor &border, const QColor &color) {
              TextBlock block = TextBlock::make(s, m_smallBold, width, 1);
              const double w = std::ceil(block.naturalWidth) + 14;
              const QPointF at = place(w);
              if (painter) {
                  painter->save();
                  painter->setRenderHint(QPainter::Antialiasing, true);
                  painter->setPen(QPen(border, 1));
                  painter->setBrush(fill);
                  painter->drawRoundedRect(
                      QRectF(at, QSizeF(w, chipHeight)).adjusted(0.5, 0.5, -0.5, -0.5), 3.5, 3.5);
                  block.pos = at + QPointF(7, 2);
                  block.draw(*painter, color);
                  painter->restore();
              }
          };
    text(QStringLiteral("Stance on the question:"), m_small, m_theme.muted);
    for (const Stance stance :
         {Stance::Affirms, Stance::Denies, Stance::Disputes, Stance::Qualifies, Stance::None}) {
        const QColor fill = m_theme.stanceChipFill(stance);
        chip(NarrativesText::stance(stance), fill, blend(fill, m_theme.stanceAccent(stance), 0.5),
             m_theme.stanceChipText(stance));
    }
    if (m_table && m_table->mode() == NarrativesMode::Matrix) {
        const QColor fill = m_theme.stanceChipFill(Stance::Disputes);
        chip(NarrativesText::answerChip(RelationKind::Disputes), fill,
             blend(fill, m_theme.stanceAccent(Stance::Disputes), 0.5),
             m_theme.stanceChipText(Stance::Disputes));
        text(QStringLiteral("an answer, from another question, to a claim on this one"), m_small,
             m_theme.muted);
    }
    if (m_table && m_table->mode() == NarrativesMode::SideBySide) {
        chip(QChar(0x2691) + QStringLiteral(" ") + NarrativesText::unanswered(),
             blend(m_theme.card, m_theme.flag, 0.08), m_theme.flag, m_theme.flag);
        text(QStringLiteral("no answer from the other side"), m_small, m_theme.muted);
        text(QStringLiteral("Arrows point at the claim being answered; lag = time to answer."),
             m_small, m_theme.muted);
    }
    text(QStringLiteral("Sources: how many, and the best Admiralty grade (A best … F)."), m_small,
         m_theme.muted);
    return y + chipHeight;
}

} // namespace claimline
