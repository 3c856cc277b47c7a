#include "narrativestheme.h"

#include "project.h"

#include <array>
#include <cmath>

namespace claimline {

namespace {

// The same fallback colours as the timeline's lanes (Okabe–Ito), for parties without one.
constexpr std::array<QRgb, 8> PartyFallback {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00,
                                             0x0072B2, 0xCC79A7, 0xF0E442, 0x999999};

// Stance accents, index = Stance: none, affirms, denies, disputes, qualifies. The light set
// is dark enough for text on white, the dark set light enough for text on near-black.
constexpr std::array<QRgb, 5> StanceLight {0x5F6670, 0x1E7B34, 0xB42318, 0xA74B00, 0x5B3FC4};
constexpr std::array<QRgb, 5> StanceDark {0xA3A9B3, 0x6CCB7E, 0xF28B82, 0xF5A65B, 0xB39DFA};

// Relation colours, index = RelationKind, as the timeline's arrows: denies orange-red,
// disputes amber, rebuts pink, qualifies blue, corroborates green.
constexpr std::array<QRgb, 5> RelationBase {0xD55E00, 0xE69F00, 0xCC79A7, 0x0072B2, 0x009E73};

// WCAG contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = NarrativesTheme::luminance(a);
    const double lb = NarrativesTheme::luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Moves a colour towards the text colour until it has the contrast asked for on the
// background (4.5 for text, 3 for marks).
QColor withContrast(QColor color, const QColor &background, const QColor &text, double minimum)
{
    for (int i = 0; i < 12 && contrast(color, background) < minimum; ++i)
        color = NarrativesTheme::blend(color, text, 0.15);
    return color;
}

} // namespace

double NarrativesTheme::luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

QColor NarrativesTheme::blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

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
    return QColor::fromRgb((dark ? StanceDark : StanceLight)[std::size_t(stance)]);
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
    return withContrast(QColor::fromRgb(RelationBase[std::size_t(kind)]), background, text, 4.5);
}

QColor NarrativesTheme::partyColor(const Project &project, std::uint32_t party) const
{
    QColor color = QColor::fromRgb(PartyFallback[PartyFallback.size() - 1]);
    if (party < project.parties().size()) {
        const Party &p = project.parties()[party];
        color = p.hasColor ? QColor::fromRgb(QRgb(p.color))
                           : QColor::fromRgb(PartyFallback[party % 7]);
    }
    return withContrast(color, background, text, 1.6);
}

} // namespace claimline
