#pragma once

// The private parts of NarrativesRenderer that its two source files share: the metrics of
// cells and cards, and the laid-out rows (narrativesrowlayout.cpp lays them out,
// narrativesrenderer.cpp paints them). Not for use outside the renderer.

#include "narratives/narrativesrenderer.h"

#include <QColor>
#include <QPointF>
#include <QRectF>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimline {

namespace narrativeslayout {

inline constexpr double Pad = 12; // inside a cell
inline constexpr double CardPad = 9; // inside a card
inline constexpr double CardGap = 8; // between cards
inline constexpr double Stripe = 4; // the stance stripe on a card's left edge
inline constexpr double Radius = 6;
inline constexpr double MinColumn = 250;
inline constexpr double MinSideColumn = 300;
inline constexpr double LinkWidth = 124;
inline constexpr double BarHeight = 4; // the party colour bar at the top of a column header
inline constexpr double Swatch = 12;
inline constexpr double LinkAnchor = 22; // from the top of a card, where connectors meet it
inline constexpr std::size_t MaxCachedRows = 400;

// Compact cards (the view's default): tighter paddings and narrower columns, so that the
// nine parties of the sample fit a 1440 px window, and at most MaxCompactCards cards per
// cell until the row is expanded ("+N more").
inline constexpr double CompactPad = 6;
inline constexpr double CompactCardPad = 6;
inline constexpr double CompactCardGap = 5;
inline constexpr double MinCompactColumn = 128;
inline constexpr int CompactStatementLines = 2;
inline constexpr std::size_t MaxCompactCards = 3;
inline constexpr std::size_t MaxShownCards = NarrativesRenderer::MaxShownCards;

} // namespace narrativeslayout

struct NarrativesRenderer::Card
{
    std::uint32_t claim = NoIndex;
    int column = 0;
    Stance stance = Stance::None;
    QRectF rect;
    QRectF chip;
    TextBlock chipText, date, answer, claimant, statement, quote, footer, flag;
    QRectF quoteBar;
    QRectF flagRect;
};

struct NarrativesRenderer::Link
{
    RelationKind kind = RelationKind::Denies;
    bool aAnswers = false;
    QRectF label;
    TextBlock kindText, lag;
    QPointF a; // on the A card
    QPointF b; // on the B card
};

// A cell's "+N more" (or, expanded, "Show fewer") chip.
struct NarrativesRenderer::More
{
    MoreBox box;
    TextBlock label;
};

struct NarrativesRenderer::RowLayout
{
    double height = 0;
    NarrativesRow::Kind kind = NarrativesRow::Kind::Question;
    TextBlock title;
    TextBlock subtitle;
    std::vector<Card> cards;
    std::vector<More> more;
    std::vector<Link> links;
    std::vector<TextBlock> placeholders;
};

struct NarrativesRenderer::HeaderCell
{
    Column column;
    TextBlock title;
    TextBlock count;
    std::vector<QColor> swatches;
};

} // namespace claimline
