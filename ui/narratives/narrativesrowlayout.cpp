// NarrativesRenderer's layout: the cards and the rows of the matrix and of the side-by-side
// comparison, laid out once per row and cached; painting is in narrativesrenderer.cpp.

#include "narratives/narrativesrendererparts.h"

#include "model/project.h"
#include "present/narrativestext.h"
#include "text/quotedtext.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace claimline {

using namespace narrativeslayout;

NarrativesRenderer::Card NarrativesRenderer::layoutCard(std::uint32_t claim, double x, double y,
                                                        double width, std::uint32_t relation) const
{
    const Claim &c = m_project->claims()[claim];
    Card card;
    card.claim = claim;
    card.stance = c.stance;
    // An answer from another question shows what it does to the claim it answers.
    const bool answer = relation != NoIndex;
    const RelationKind kind = answer ? m_project->relations()[relation].kind : RelationKind::Denies;
    if (answer)
        card.stance = NarrativesText::stanceOf(kind);
    const double padding = cardPad();
    const double left = x + Stripe + padding;
    const double inner = std::max(40.0, width - Stripe - 2 * padding);
    double cy = y + padding;

    // The hooked arrow tells a relation ("↩ disputes" the claim answered) from a stance.
    card.chipText = TextBlock::make(answer ? NarrativesText::answerChip(kind)
                                           : NarrativesText::stance(c.stance),
                                    m_smallBold, inner, 1);
    const double chipWidth = std::min(inner, std::ceil(card.chipText.naturalWidth) + 14);
    const double chipHeight = m_smallLine + 4;
    card.chip = QRectF(left, cy, chipWidth, chipHeight);
    card.chipText.pos = QPointF(left + 7, cy + 2);
    // The date sits right of the chip when there is room, else on a line of its own.
    const QString date = NarrativesText::madeAt(*m_project, claim, m_zone);
    const double dateRoom = inner - chipWidth - 10;
    if (QFontMetricsF(m_small).horizontalAdvance(date) <= dateRoom) {
        card.date = TextBlock::make(date, m_small, dateRoom, 1);
        card.date.pos = QPointF(left + inner - card.date.naturalWidth, cy + 2);
        cy += chipHeight + 6;
    } else {
        cy += chipHeight + 4;
        card.date = TextBlock::make(date, m_small, inner, 2, QPointF(left, cy));
        cy += card.date.height + 4;
    }
    if (answer) {
        // Three lines compact, so that the lag (kept whole) fits in a narrow column.
        card.answer = TextBlock::make(NarrativesText::answerLine(*m_project, relation, true),
                                      m_italic, inner, m_compact ? 3 : 2, QPointF(left, cy));
        cy += card.answer.height + 2;
    }
    card.claimant = TextBlock::make(NarrativesText::claimant(*m_project, claim), m_bold, inner, 2,
                                    QPointF(left, cy));
    cy += card.claimant.height + 2;
    card.statement = TextBlock::make(
        NarrativesText::fileText(*m_project, c.statement), m_font, inner,
        m_compact ? std::min(m_statementLines, CompactStatementLines) : m_statementLines,
        QPointF(left, cy));
    cy += card.statement.height;
    // A compact card stops at the statement (its quote, sources and status are in the
    // tooltip, the Details and the drill-down), but keeps the "unanswered" flag.
    if (!m_compact && !c.quote.isEmpty()) {
        cy += 5;
        card.quote = TextBlock::make(inQuotes(NarrativesText::fileText(*m_project, c.quote)),
                                     m_italic, inner - 11, 3, QPointF(left + 11, cy));
        card.quoteBar = QRectF(left + 1, cy + 2, 2.5, card.quote.height - 4);
        cy += card.quote.height;
    }
    if (!m_compact) {
        cy += 7;
        card.footer = TextBlock::make(NarrativesText::footer(*m_project, claim), m_small, inner, 2,
                                      QPointF(left, cy));
        cy += card.footer.height;
    }
    if (m_table->isUnanswered(claim)) {
        cy += 7;
        card.flag
            = TextBlock::make(QChar(0x2691) + QStringLiteral(" ") + NarrativesText::unanswered(),
                              m_smallBold, inner, 1, QPointF(left + 7, cy + 2));
        card.flagRect = QRectF(left, cy, std::ceil(card.flag.naturalWidth) + 14, m_smallLine + 4);
        cy += card.flagRect.height();
    }
    cy += padding;
    card.rect = QRectF(x, y, width, std::ceil(cy - y));
    return card;
}

NarrativesRenderer::More NarrativesRenderer::layoutMore(int column, double x, double y,
                                                        std::vector<std::uint32_t> hidden,
                                                        bool collapse) const
{
    More more;
    more.box.column = column;
    more.box.collapse = collapse;
    // Collapsed: "+N more" opens the row. Open: "Show fewer" closes it. Past MaxShownCards,
    // what stays hidden either way is said.
    QString text;
    if (!collapse && m_compact)
        text = QStringLiteral("+%1 more").arg(hidden.size());
    else if (hidden.empty())
        text = QStringLiteral("Show fewer");
    else if (collapse)
        text = QStringLiteral("Show fewer \u00b7 %L1 more not shown").arg(hidden.size());
    else
        text = QStringLiteral("%L1 more not shown").arg(hidden.size());
    more.box.hidden = std::move(hidden);
    more.box.label = text;
    more.label = TextBlock::make(text, m_smallBold, 400, 1);
    const double h = m_smallLine + 6;
    more.box.rect = QRectF(x, y, std::ceil(more.label.naturalWidth) + 20, h);
    more.label.pos = QPointF(x + 10, y + 3);
    return more;
}

const NarrativesRenderer::RowLayout &NarrativesRenderer::layoutRow(std::size_t row) const
{
    if (const auto it = m_rows.find(row); it != m_rows.end())
        return *it->second;
    if (m_rows.size() >= MaxCachedRows)
        m_rows.clear();
    auto layout = std::make_unique<RowLayout>();
    RowLayout &l = *layout;
    if (!m_table || !m_project || row >= m_table->rowCount()) {
        l.height = 0;
        return *m_rows.emplace(row, std::move(layout)).first->second;
    }
    const NarrativesRow &r = m_table->rows()[row];
    l.kind = r.kind;

    switch (r.kind) {
    case NarrativesRow::Kind::Question:
        layoutQuestionRow(l, row);
        break;
    case NarrativesRow::Kind::Heading:
        l.title = TextBlock::make(m_table->rowTitle(*m_project, int(row)), m_heading,
                                  m_contentWidth - 2 * Pad - 6, 0, QPointF(Pad + 6, Pad * 0.9));
        l.height = std::ceil(l.title.height + Pad * 1.8);
        break;
    case NarrativesRow::Kind::Pair:
        layoutPairRow(l, row);
        break;
    }
    return *m_rows.emplace(row, std::move(layout)).first->second;
}

double NarrativesRenderer::placeholder(RowLayout &l, const QString &text, const Column &column,
                                       double y) const
{
    l.placeholders.push_back(
        TextBlock::make(text, m_italic, column.width - 2 * pad(), 0, QPointF(column.x + pad(), y)));
    return l.placeholders.back().height;
}

// The matrix: the question and its claim count in the row header, each party's claims (and
// the answers from other questions) stacked in its column. Compact, a cell shows its first
// MaxCompactCards cards and a "+N more" chip for the rest until the row is expanded.
void NarrativesRenderer::layoutQuestionRow(RowLayout &l, std::size_t row) const
{
    const NarrativesRow &r = m_table->rows()[row];
    const Project &project = *m_project;
    const double p = pad();
    const double gap = cardGap();
    l.title = TextBlock::make(m_table->rowTitle(project, int(row)), m_bold,
                              m_rowHeaderWidth - 2 * p - 6, 0, QPointF(p + 6, p));
    const bool capped = m_compact && !isExpanded(r.question);
    std::size_t claims = 0;
    std::size_t answers = 0;
    double bottom = l.title.height + p;
    for (std::size_t c = 0; c < r.cells.size() && c < m_columns.size(); ++c) {
        const Column &column = m_columns[c];
        claims += r.cells[c].size();
        answers += r.answers[c].size();
        const std::size_t total = r.cells[c].size() + r.answers[c].size();
        const std::size_t shown = std::min(total, capped ? MaxCompactCards : MaxShownCards);
        std::vector<std::uint32_t> hidden;
        double y = p;
        for (std::size_t i = 0; i < total; ++i) {
            const bool isAnswer = i >= r.cells[c].size();
            const std::uint32_t claim
                = isAnswer ? r.answers[c][i - r.cells[c].size()].claim : r.cells[c][i];
            if (i >= shown) {
                hidden.push_back(claim);
                continue;
            }
            Card card = isAnswer ? layoutCard(claim, column.x + p, y, column.width - 2 * p,
                                              r.answers[c][i - r.cells[c].size()].relation)
                                 : layoutCard(claim, column.x + p, y, column.width - 2 * p);
            card.column = int(c);
            y = card.rect.bottom() + gap;
            l.cards.push_back(std::move(card));
        }
        if (!hidden.empty() || (m_compact && !capped && total > MaxCompactCards)) {
            More more
                = layoutMore(int(c), column.x + p, y, std::move(hidden), m_compact && !capped);
            y = more.box.rect.bottom() + gap;
            l.more.push_back(std::move(more));
        }
        if (total == 0)
            y += placeholder(l, NarrativesTable::emptyCellText(r.hidden[c]), column, p + cardPad())
                + cardPad() + gap;
        bottom = std::max(bottom, y - gap);
    }
    // The row shows its claims and the answers to them made on other questions: say both, so
    // "2 claims" over nine cards does not look like a miscount.
    QString subtitle
        = claims == 1 ? QStringLiteral("1 claim") : QStringLiteral("%1 claims").arg(claims);
    if (answers > 0)
        subtitle += answers == 1
            ? QStringLiteral(" \u00b7 1 answer from another question")
            : QStringLiteral(" \u00b7 %1 answers from other questions").arg(answers);
    l.subtitle = TextBlock::make(subtitle, m_small, m_rowHeaderWidth - 2 * p - 6, 3,
                                 QPointF(p + 6, p + l.title.height + 4));
    bottom = std::max(bottom, l.subtitle.pos.y() + l.subtitle.height);
    l.height = std::ceil(bottom + p);
}

// Side by side: A's claim on the left, the claims of B answering it (or answered by it) on the
// right, and between them a connector per answer with its kind and lag.
void NarrativesRenderer::layoutPairRow(RowLayout &l, std::size_t row) const
{
    const NarrativesRow &r = m_table->rows()[row];
    const Project &project = *m_project;
    const Column &a = m_columns[0];
    const Column &link = m_columns[1];
    const Column &b = m_columns[2];
    double aBottom = pad();
    if (!r.cells[0].empty()) {
        Card card = layoutCard(r.cells[0][0], a.x + pad(), pad(), a.width - 2 * pad());
        card.column = NarrativesTable::ColumnA;
        aBottom = card.rect.bottom();
        l.cards.push_back(std::move(card));
    } else {
        aBottom += placeholder(
            l, QStringLiteral("no related claim from %1").arg(m_table->columnTitle(project, 0)), a,
            pad() + cardPad());
    }
    double y = pad();
    for (std::size_t i = 0; i < r.cells[1].size(); ++i) {
        Card card = layoutCard(r.cells[1][i], b.x + pad(), y, b.width - 2 * pad());
        card.column = NarrativesTable::ColumnB;
        const NarrativesLink &info = r.links[i];
        if (info.relation != NoIndex && !r.cells[0].empty()) {
            Link ln;
            ln.kind = project.relations()[info.relation].kind;
            ln.aAnswers = info.aAnswers;
            const Claim &ac = project.claims()[r.cells[0][0]];
            const Claim &bc = project.claims()[r.cells[1][i]];
            const QString lag = info.aAnswers ? formatLag(responseLag(ac.madeAt, bc.madeAt))
                                              : formatLag(responseLag(bc.madeAt, ac.madeAt));
            const double inner = link.width - 16;
            ln.kindText = TextBlock::make(NarrativesText::relation(ln.kind), m_smallBold, inner, 1);
            ln.lag = TextBlock::make(lag, m_small, inner, 1);
            const double h = ln.kindText.height + ln.lag.height + 6;
            const double mid = y + LinkAnchor;
            ln.label = QRectF(link.x + 8, mid - h / 2, inner, h);
            ln.kindText.pos
                = QPointF(link.x + 8 + (inner - ln.kindText.naturalWidth) / 2, ln.label.top() + 3);
            ln.lag.pos = QPointF(link.x + 8 + (inner - ln.lag.naturalWidth) / 2,
                                 ln.label.top() + 3 + ln.kindText.height);
            ln.a = QPointF(a.x + a.width - pad(), pad() + LinkAnchor);
            ln.b = QPointF(card.rect.left(), mid);
            l.links.push_back(std::move(ln));
        }
        y = card.rect.bottom() + cardGap();
        l.cards.push_back(std::move(card));
    }
    double bBottom = y - cardGap();
    if (r.cells[1].empty())
        bBottom = pad()
            + placeholder(l,
                          QStringLiteral("no related claim from %1")
                              .arg(m_table->columnTitle(project, NarrativesTable::ColumnB)),
                          b, pad() + cardPad());
    l.height = std::ceil(std::max(aBottom, bBottom) + pad());
}

} // namespace claimline
