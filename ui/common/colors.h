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

// A party's colour: its own, else one of the timeline lanes' fallback colours (Okabe–Ito),
// made just distinct enough from the background.
QColor partyColor(const Project &project, std::uint32_t party, const QColor &background,
                  const QColor &text);
// A stance's accent, dark enough for text on a light background or light enough on a dark one.
QColor stanceColor(Stance stance, bool dark);

} // namespace claimline
