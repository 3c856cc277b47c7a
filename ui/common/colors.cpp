#include "common/colors.h"

#include "model/project.h"

#include <algorithm>
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

} // namespace

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

double luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor withContrast(QColor color, const QColor &background, const QColor &text, double minimum,
                    double step)
{
    for (int i = 0; i < 12 && contrastRatio(color, background) < minimum; ++i)
        color = blend(color, text, step);
    return color;
}

QColor lightenedForContrast(const QColor &color, const QColor &background, double minimum)
{
    if (background.lightness() >= 128 || contrastRatio(color, background) >= minimum)
        return color;
    // HSL lightness raises every channel together, so the contrast grows with it: bisect for
    // the least lightening that is enough, measured on the 8-bit colour that is painted.
    const QColor hsl = color.toHsl();
    const auto at = [&hsl](double lightness) {
        return QColor::fromRgb(
            QColor::fromHslF(hsl.hslHueF(), hsl.hslSaturationF(), float(lightness)).rgb());
    };
    double low = hsl.lightnessF();
    double high = 1.0;
    if (contrastRatio(at(high), background) < minimum)
        return at(high); // a mid-grey background: white is the best there is
    for (int i = 0; i < 24; ++i) {
        const double middle = (low + high) / 2;
        (contrastRatio(at(middle), background) >= minimum ? high : low) = middle;
    }
    return at(high);
}

QColor partyColor(const QColor &color, const QColor &background, const QColor &text)
{
    if (background.lightness() < 128)
        return lightenedForContrast(color, background, PartyContrastOnDark);
    return withContrast(color, background, text, 1.6, 0.15);
}

QColor partyColor(const Project &project, std::uint32_t party, const QColor &background,
                  const QColor &text)
{
    QColor color = QColor::fromRgb(PartyFallback[PartyFallback.size() - 1]);
    if (party < project.parties().size()) {
        const Party &p = project.parties()[party];
        color = p.hasColor ? QColor::fromRgb(QRgb(p.color))
                           : QColor::fromRgb(PartyFallback[party % 7]);
    }
    return partyColor(color, background, text);
}

QColor stanceColor(Stance stance, bool dark)
{
    return QColor::fromRgb((dark ? StanceDark : StanceLight)[std::size_t(stance)]);
}

} // namespace claimline
