#pragma once

// NarrativesTheme: the colours of the competing-narratives view and its pictures, derived
// from a palette so that the view follows light and dark mode and the exports use the light
// publication palette. Stances, relations and parties each get an accent that keeps enough
// contrast on the background; text labels always accompany them (colour is never the only
// cue). The mixing and the party and stance accents are the views' shared ones
// (common/colors.h).

#include "model/model.h"

#include <QColor>
#include <QPalette>

#include <cstdint>

namespace claimline {

class Project;

struct NarrativesTheme
{
    bool dark = false;
    QColor background; // cells
    QColor header; // column headers
    QColor rowHeader; // question column
    QColor heading; // side by side: question header rows
    QColor card;
    QColor cardBorder;
    QColor text;
    QColor muted;
    QColor faint;
    QColor grid;
    QColor highlight;
    QColor highlightFill;
    QColor linkedFill;
    QColor flag; // "unanswered"

    static NarrativesTheme from(const QPalette &palette);

    QColor stanceAccent(Stance stance) const;
    QColor stanceChipFill(Stance stance) const;
    QColor stanceChipText(Stance stance) const;
    QColor relationColor(RelationKind kind) const;
    QColor partyColor(const Project &project, std::uint32_t party) const;
};

} // namespace claimline
