#include "export/narrativeshtmlstyle.h"

#include "model/project.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>

namespace claimline {

namespace {

// The page's colours are those of the light publication palette that the pictures use
// (ui's NarrativesTheme over publicationPalette()), computed here without Qt Gui: channels kept
// in 16 bits and rounded as QColor keeps and rounds them, so that every colour comes out to
// the same #rrggbb as the pictures' NarrativesTheme would give.
struct Rgb16
{
    std::uint16_t r = 0;
    std::uint16_t g = 0;
    std::uint16_t b = 0;

    static Rgb16 fromRgb(std::uint32_t rgb)
    {
        return {std::uint16_t(((rgb >> 16) & 0xff) * 0x101),
                std::uint16_t(((rgb >> 8) & 0xff) * 0x101), std::uint16_t((rgb & 0xff) * 0x101)};
    }
};

float channelF(std::uint16_t c)
{
    return c / float(USHRT_MAX);
}

std::uint16_t channel16(float f)
{
    return std::uint16_t(qRound(f * USHRT_MAX));
}

Rgb16 blend(const Rgb16 &a, const Rgb16 &b, double t)
{
    const auto mix = [t](std::uint16_t x, std::uint16_t y) {
        return channel16(float(channelF(x) + (channelF(y) - channelF(x)) * t));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

double luminance(const Rgb16 &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(channelF(color.r)) + 0.7152 * channel(channelF(color.g))
        + 0.0722 * channel(channelF(color.b));
}

double contrastRatio(const Rgb16 &a, const Rgb16 &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString colorCss(const Rgb16 &color)
{
    // 16 bits to the nearest 8, as QColor::red() rounds.
    const auto byte = [](std::uint16_t c) {
        return (c + 128) / 257;
    };
    return QStringLiteral("#%1%2%3")
        .arg(byte(color.r), 2, 16, QLatin1Char('0'))
        .arg(byte(color.g), 2, 16, QLatin1Char('0'))
        .arg(byte(color.b), 2, 16, QLatin1Char('0'));
}

// The publication palette: white cells, near-black text.
const Rgb16 Background = Rgb16::fromRgb(0xffffff);
const Rgb16 Text = Rgb16::fromRgb(0x1a1a1a);

// The light stance accents (common/colors.h), index = Stance.
constexpr std::array<std::uint32_t, 5> StanceAccent {0x5F6670, 0x1E7B34, 0xB42318, 0xA74B00,
                                                     0x5B3FC4};
// The parties' fallback colours (common/colors.h), Okabe–Ito.
constexpr std::array<std::uint32_t, 8> PartyFallback {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00,
                                                      0x0072B2, 0xCC79A7, 0xF0E442, 0x999999};

QString stanceAccentCss(Stance stance)
{
    return colorCss(Rgb16::fromRgb(StanceAccent[std::size_t(stance)]));
}

// NarrativesTheme::stanceChipFill: the accent over the card colour.
QString stanceFillCss(Stance stance)
{
    const Rgb16 card = blend(Background, Text, 0.018);
    return colorCss(blend(card, Rgb16::fromRgb(StanceAccent[std::size_t(stance)]), 0.11));
}

// The layout. Sizes are in rem and relative units, and nothing is wider than its container
// can be: the overview table scrolls inside its box, the grid's columns are at most 100% wide
// (minmax(min(100%, …))), long words wrap anywhere in a card. The date of a card is a flex
// item of its own beside the stance chip, with a gap, and the claimant is on the next line:
// a floated date once ran into the name on narrow cards ("Kaja Kallas31 Dec 2025").
const char *const Layout
    = ":root{color-scheme:light}"
      "*,*::before,*::after{box-sizing:border-box}"
      "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
      "sans-serif;color:#1a1a1a;background:#fff;margin:0;padding:1.5rem clamp(.75rem,3vw,2.5rem);"
      "line-height:1.45;overflow-wrap:break-word}"
      ".page{max-width:120rem;margin:0 auto}"
      "h1{font-size:clamp(1.3rem,1rem + 1.5vw,1.9rem);line-height:1.2;margin:0 0 .4rem}"
      ".sub{color:#555;margin:0 0 .8rem}"
      ".lead{max-width:50rem;margin:0 0 1rem}"
      ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;"
      "margin-right:.35em;vertical-align:-.05em;border:1px solid rgba(0,0,0,.25)}"
      ".scroll{overflow-x:auto;margin:0 0 2rem;border:1px solid #d4d4d4;border-radius:4px}"
      ".scroll:focus{outline:2px solid #1a5fb4;outline-offset:2px}"
      "table{border-collapse:collapse;width:100%}"
      "caption{text-align:left;font-weight:700;font-size:1.1rem;padding:.6rem .7rem .5rem}"
      "caption span{display:block;font-size:.9rem;font-weight:400;color:#555;margin-top:.15rem}"
      "th,td{border:1px solid #d4d4d4;padding:.45rem .55rem;vertical-align:top;text-align:left}"
      "thead th{background:#f0f0f0}"
      "tbody th,tfoot th{background:#fafafa;font-weight:600}"
      "th[scope=rowgroup]{background:#ececec;font-size:1.05rem}"
      ".overview th[scope=row]{position:sticky;left:0;z-index:1;min-width:9rem;max-width:22rem}"
      ".overview thead th{font-size:.9rem}"
      ".overview td{min-width:5.5rem}"
      ".overview td a{display:block;color:inherit;text-decoration:none}"
      ".overview th a{color:inherit}"
      ".overview td a:hover .chip,.overview td a:focus .chip{text-decoration:underline}"
      ".overview tfoot td{font-variant-numeric:tabular-nums}"
      ".note{color:#555;font-size:.9rem;margin:1rem 0 .4rem}"
      ".overview tfoot th{font-weight:400;color:#333}"
      ".chip{display:inline-block;font-size:.78rem;font-weight:700;padding:0 .35rem;"
      "margin:0 .2rem .2rem 0;border:1px solid currentColor;border-radius:3px;"
      "white-space:nowrap}"
      ".none{color:#767676}"
      ".question{margin:0 0 2rem;padding-top:1rem;border-top:2px solid #d4d4d4}"
      "h2{font-size:1.2rem;line-height:1.3;margin:0 0 .2rem}"
      ".question>.meta{margin:0 0 .8rem}"
      ".parties{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,19rem),1fr));"
      "gap:1rem;align-items:start}"
      ".party{min-width:0;border:1px solid #e0e0e0;border-top:4px solid #999;border-radius:4px;"
      "padding:.6rem;background:#fafafa}"
      "h3{font-size:1rem;margin:0 0 .5rem}"
      "h3 .meta{font-weight:400}"
      ".claim{margin:0 0 .6rem;padding:.5rem .7rem;border:1px solid #ddd;"
      "border-left:4px solid #5f6670;border-radius:4px;background:#fff;overflow-wrap:anywhere}"
      ".claim:last-child{margin-bottom:0}.claim p{margin:.2rem 0}"
      ".head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;"
      "gap:.2rem .75rem}"
      ".stance{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;"
      "border:1px solid currentColor;border-radius:3px}"
      ".who{font-weight:700}"
      ".when,.meta{color:#555;font-size:.85rem}"
      "blockquote{margin:.3rem 0 .3rem .2rem;padding-left:.6rem;border-left:2px solid #bbb;"
      "font-style:italic}"
      ".flag{display:inline-block;color:#8a5a00;border:1px solid #8a5a00;border-radius:3px;"
      "padding:0 .4rem;font-size:.8rem;font-weight:700}"
      ".internal{margin:.4rem 0 0;padding:.3rem .5rem;border:2px dashed #8a5a00;"
      "background:#fff8e6;color:#3d2a00;font-size:.85rem}"
      ".silent{color:#555;font-size:.9rem;margin:.8rem 0 0}"
      ".empty{color:#767676;font-style:italic}"
      ".side td{min-width:0}"
      ".side td.link{white-space:nowrap;font-size:.9rem;width:9rem}"
      ".side .link p{margin:.2rem 0}.side .link span{display:block;color:#555}"
      "footer{margin-top:1.5rem;color:#555;font-size:.85rem}"
      ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
      "white-space:nowrap}"
      // A phone: side by side becomes A, the answer and B one under the other, each cell
      // saying whose it is (the column headers are out of sight).
      "@media (max-width:48rem){"
      ".side table,.side tbody,.side tr,.side th,.side td{display:block;width:auto}"
      ".side thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
      ".side caption{display:block}"
      ".side tr{border-bottom:2px solid #d4d4d4;padding:.3rem .5rem}"
      ".side td,.side th{border:0;padding:.3rem 0}"
      ".side td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;"
      "font-weight:700;color:#555;margin-bottom:.2rem}"
      ".side td.link{white-space:normal;width:auto}"
      ".side .link span{display:inline;margin-left:.4rem}"
      ".side td.link:empty{display:none}"
      "}"
      "@media (max-width:64rem){"
      // The overview: a question, then its parties' stances running on as a line, each
      // named and coloured; parties with no position are left to the question's section.
      ".overview table,.overview tbody,.overview tfoot,.overview tr,.overview th{display:block}"
      ".overview thead{position:absolute;width:1px;height:1px;overflow:hidden;"
      "clip:rect(0 0 0 0)}"
      ".overview caption{display:block}"
      ".overview tr{padding:.5rem .6rem;border-top:1px solid #d4d4d4}"
      ".overview th[scope=row]{position:static;border:0;padding:0 0 .2rem;background:none;"
      "max-width:none}"
      ".overview td{display:inline-block;border:0;padding:.1rem .8rem .1rem 0;min-width:0}"
      ".overview td.none{display:none}"
      ".overview td::before{content:attr(data-party);display:inline-block;font-size:.8rem;"
      "color:#555;border-left:.7em solid var(--party);padding-left:.3em;margin-right:.35em}"
      ".overview td a{display:inline}"
      "}";

} // namespace

QString narrativesStanceClass(Stance stance)
{
    if (stance == Stance::None)
        return QStringLiteral("s-none");
    return QStringLiteral("s-")
        + QLatin1String(nameOf(stance).data(), qsizetype(nameOf(stance).size()));
}

QString narrativesPartyCss(const Project &project, std::uint32_t party)
{
    Rgb16 color = Rgb16::fromRgb(PartyFallback[PartyFallback.size() - 1]);
    if (party < project.parties().size()) {
        const Party &p = project.parties()[party];
        color = Rgb16::fromRgb(p.hasColor ? p.color : PartyFallback[party % 7]);
    }
    for (int i = 0; i < 12 && contrastRatio(color, Background) < 1.6; ++i)
        color = blend(color, Text, 0.15);
    return colorCss(color);
}

QString narrativesPageCss()
{
    QString css = QString::fromLatin1(Layout);
    // Per stance: the stripe of a card, and the colours of its chip and of the overview's.
    for (const Stance stance :
         {Stance::None, Stance::Affirms, Stance::Denies, Stance::Disputes, Stance::Qualifies}) {
        const QString name = narrativesStanceClass(stance);
        css += QStringLiteral(".claim.") + name + QStringLiteral("{border-left-color:")
            + stanceAccentCss(stance) + QStringLiteral("}.") + name
            + QStringLiteral(" .stance,.chip.") + name + QStringLiteral("{color:")
            + stanceAccentCss(stance) + QStringLiteral(";background:") + stanceFillCss(stance)
            + QStringLiteral("}");
    }
    return css;
}

} // namespace claimline
