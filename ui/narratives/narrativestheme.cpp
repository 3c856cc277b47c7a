#include "narratives/narrativestheme.h"

#include "common/colors.h"

#include <array>

namespace claimline {

namespace {

// Relation colours, index = RelationKind, as the timeline's arrows: denies orange-red,
// disputes amber, rebuts pink, qualifies blue, corroborates green.
constexpr std::array<QRgb, 5> RelationBase {0xD55E00, 0xE69F00, 0xCC79A7, 0x0072B2, 0x009E73};

} // namespace

NarrativesTheme NarrativesTheme::from(const QPalette &palette)
{
    NarrativesTheme t;
    // Qt 6.4 has no colour-scheme hint: tell dark mode from the window colour.
    t.dark = palette.color(QPalette::Window).lightness() < 128;
    t.background = palette.color(QPalette::Base);
    t.text = palette.color(QPalette::Text);
    t.header = blend(t.background, t.text, t.dark ? 0.07 : 0.045);
    t.rowHeader = blend(t.background, t.text, t.dark ? 0.04 : 0.022);
    t.heading = blend(t.background, t.text, t.dark ? 0.10 : 0.065);
    t.card = blend(t.background, t.text, t.dark ? 0.05 : 0.018);
    t.cardBorder = blend(t.background, t.text, t.dark ? 0.22 : 0.16);
    t.muted = blend(t.text, t.background, t.dark ? 0.32 : 0.36);
    t.faint = blend(t.text, t.background, t.dark ? 0.50 : 0.55);
    t.grid = blend(t.background, t.text, t.dark ? 0.20 : 0.14);
    t.highlight = palette.color(QPalette::Highlight);
    t.highlightFill = blend(t.card, t.highlight, t.dark ? 0.28 : 0.14);
    t.linkedFill = blend(t.card, t.highlight, t.dark ? 0.12 : 0.06);
    t.flag = t.dark ? QColor(0xF5, 0xC2, 0x5B) : QColor(0x8A, 0x5A, 0x00);
    return t;
}

QColor NarrativesTheme::stanceAccent(Stance stance) const
{
    return stanceColor(stance, dark);
}

QColor NarrativesTheme::stanceChipFill(Stance stance) const
{
    return blend(card, stanceAccent(stance), dark ? 0.22 : 0.11);
}

QColor NarrativesTheme::stanceChipText(Stance stance) const
{
    return stanceAccent(stance);
}

QColor NarrativesTheme::relationColor(RelationKind kind) const
{
    return withContrast(QColor::fromRgb(RelationBase[std::size_t(kind)]), background, text, 4.5,
                        0.15);
}

QColor NarrativesTheme::partyColor(const Project &project, std::uint32_t party) const
{
    return claimline::partyColor(project, party, background, text);
}

} // namespace claimline
