#pragma once

// Colour helpers the views share: mixing, WCAG contrast, and the accents a party or a stance
// gets wherever it is drawn (narratives, charts), so that one party keeps one colour across
// views. Text labels always accompany these colours: colour is never the only cue.

#include "model/model.h"

#include <QColor>

#include <cstdint>

namespace claimline {

class Project;

// `a` moved towards `b` by t (0: a, 1: b), opaque.
QColor blend(const QColor &a, const QColor &b, double t);
// WCAG relative luminance, 0 (black) to 1 (white).
double luminance(const QColor &color);
// WCAG contrast ratio, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);
// Moves a colour towards the text colour, `step` at a time, until it has the contrast asked
// for on the background (4.5 for text, 3 for marks).
QColor withContrast(QColor color, const QColor &background, const QColor &text, double minimum,
                    double step);

// A colour as drawn on a dark background: lightened in HSL (hue and saturation kept, so Ukraine
// stays blue) just until its WCAG contrast with the background is at least `minimum`. On a
// light background, or when it already contrasts enough, the colour itself.
QColor lightenedForContrast(const QColor &color, const QColor &background, double minimum);

// The contrast a party's colour keeps on a dark background, wherever it is drawn: WCAG's 3:1
// for marks, lines and swatches (SC 1.4.11).
inline constexpr double PartyContrastOnDark = 3.0;

// A party's colour as every view draws it on `background`: its own, else one of the timeline
// lanes' fallback colours (Okabe–Ito). On a dark background it is lightened to a contrast of
// 3:1 (dark blues and greys vanished on dark); on a light one it is only moved towards the
// text when it nearly vanishes (1.6:1), so that the publication pictures keep the parties'
// own colours.
QColor partyColor(const Project &project, std::uint32_t party, const QColor &background,
                  const QColor &text);
// The same for a colour already chosen (a party's own or a fallback).
QColor partyColor(const QColor &color, const QColor &background, const QColor &text);
// A stance's accent, dark enough for text on a light background or light enough on a dark one.
QColor stanceColor(Stance stance, bool dark);

} // namespace claimline
