#include "timeline/timelineexport.h"

#include "model/project.h"
#include "present/timelinelanes.h"
#include "text/visibletext.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace claimline {

std::optional<std::pair<double, double>> defaultTimelineRange(const Project &project,
                                                              const TimelineLanes &lanes)
{
    const nlohmann::json &views = project.views();
    if (views.is_array() && !views.empty() && views[0].is_object()) {
        const nlohmann::json &view = views[0];
        const auto from = view.find("from");
        const auto to = view.find("to");
        if (from != view.end() && to != view.end() && from->is_string() && to->is_string()) {
            const auto a = FuzzyTime::parse(from->get_ref<const std::string &>());
            const auto b = FuzzyTime::parse(to->get_ref<const std::string &>());
            if (a && b && !a->isOpenStart() && !b->isOpenEnd() && b->end() > a->start())
                return std::pair {double(a->start()), double(b->end())};
        }
    }
    std::int64_t first = 0;
    std::int64_t last = 0;
    if (!lanes.extent(&first, &last))
        return std::nullopt;
    const double margin = std::max(3600.0, double(last - first) * 0.03);
    return std::pair {double(first) - margin, double(last) + margin};
}

namespace {

constexpr double CaptionMargin = 16;

QString rangeText(double from, double to, const QTimeZone &zone)
{
    const QLocale english(QLocale::English);
    const QDateTime start = QDateTime::fromSecsSinceEpoch(std::int64_t(from), zone);
    // The range ends before `to`: a range up to midnight ends on the day before.
    const QDateTime end = QDateTime::fromSecsSinceEpoch(std::int64_t(to) - 1, zone);
    const QString format = to - from < 3 * 86400 ? QStringLiteral("d MMM yyyy, HH:mm")
                                                 : QStringLiteral("d MMM yyyy");
    return english.toString(start, format) + QStringLiteral(" – ") + english.toString(end, format)
        + QStringLiteral(" (times in ") + QString::fromUtf8(zone.id()) + QLatin1Char(')');
}

// The key to what the marks and arrows mean: the picture travels without the app's legend.
QString keyText(bool periods)
{
    const QString marks = QStringLiteral(
        "◆ event, once, on the Events lane, its parties as colour squares  ● claim, on the lane of "
        "the party that made it, at the time it was said · "
        "hollow = unverified, solid = corroborated, half = disputed, crossed = refuted, grey = "
        "retracted · arrows run from a claim to the claims answering it: solid red denies, "
        "dashed amber disputes, thick pink rebuts, dotted blue qualifies, green corroborates · "
        "pale strips = imprecise times · ");
    const QString bands = periods ? QStringLiteral("tinted bands behind the lanes = the periods "
                                                   "named above them · ")
                                  : QString();
    return marks + bands + QStringLiteral("Made with Claimline");
}

struct Caption
{
    QFont titleFont;
    QFont textFont;
    QString title;
    QString subtitle;
    QString key;
    double headerHeight = 0;
    double footerHeight = 0;
};

Caption captionFor(const Project &project, const TimelineImageRequest &request, const QFont &font,
                   double width)
{
    Caption caption;
    caption.titleFont = font;
    caption.titleFont.setBold(true);
    caption.titleFont.setPixelSize(int(std::round(font.pixelSize() * 1.6)));
    caption.textFont = font;
    const QString title = project.text(project.meta().title);
    caption.title = visibleText(title.isEmpty() ? QStringLiteral("Timeline") : title);
    caption.subtitle = rangeText(request.from, request.to, request.options.zone);
    caption.key = keyText(!project.periods().empty());
    const QRectF text(0, 0, width - 2 * CaptionMargin, 1e6);
    const int flags = Qt::TextWordWrap;
    const QFontMetricsF titleMetrics(caption.titleFont);
    const QFontMetricsF textMetrics(caption.textFont);
    caption.headerHeight
        = std::ceil(CaptionMargin + titleMetrics.boundingRect(text, flags, caption.title).height()
                    + 4 + textMetrics.height() + 12);
    caption.footerHeight
        = std::ceil(10 + textMetrics.boundingRect(text, flags, caption.key).height() + 12);
    return caption;
}

void paintCaption(QPainter &painter, const Caption &caption, const QSizeF &size,
                  const QPalette &palette)
{
    const double width = size.width() - 2 * CaptionMargin;
    painter.fillRect(QRectF(0, 0, size.width(), caption.headerHeight),
                     palette.color(QPalette::Base));
    painter.setPen(palette.color(QPalette::Text));
    painter.setFont(caption.titleFont);
    const QRectF titleRect = painter.boundingRect(QRectF(CaptionMargin, CaptionMargin, width, 1e6),
                                                  Qt::TextWordWrap, caption.title);
    painter.drawText(titleRect, Qt::TextWordWrap, caption.title);
    QColor muted = palette.color(QPalette::Text);
    muted.setAlphaF(0.7f);
    painter.setPen(muted);
    painter.setFont(caption.textFont);
    painter.drawText(QRectF(CaptionMargin, titleRect.bottom() + 4, width, 1e6), Qt::TextWordWrap,
                     caption.subtitle);
    const double footerTop = size.height() - caption.footerHeight;
    painter.fillRect(QRectF(0, footerTop, size.width(), caption.footerHeight),
                     palette.color(QPalette::Base));
    painter.drawText(QRectF(CaptionMargin, footerTop + 10, width, caption.footerHeight),
                     Qt::TextWordWrap, caption.key);
}

} // namespace

Picture timelinePicture(const Project &project, const TimelineLanes &lanes,
                        const TimelineImageRequest &request, const QFont &screenFont,
                        const QPalette &palette)
{
    // Sizes in pixels: a point size would be resolved against each device's DPI (1200 for a
    // PDF), and the picture's units are logical pixels everywhere.
    QFont font = screenFont;
    if (font.pixelSize() <= 0)
        font.setPixelSize(std::max(6, int(std::round(font.pointSizeF() * 96.0 / 72.0))));

    // The renderer and its input live as long as the picture: layout happens once here, and
    // each paint (PNG, SVG, PDF, every printed page) reuses it.
    struct State
    {
        TimelineRenderer renderer;
        TimelineRenderer::Input in;
        std::optional<Caption> caption;
    };
    auto state = std::make_shared<State>();
    TimelineRenderer &renderer = state->renderer;
    TimelineRenderer::Input &in = state->in;
    renderer.setMetrics(TimelineRenderer::metricsFor(font, project));
    std::vector<std::size_t> order = request.order;
    if (order.empty()) {
        order.resize(lanes.lanes().size());
        std::iota(order.begin(), order.end(), std::size_t(0));
    }
    in.project = &project;
    in.lanes = &lanes;
    in.order = order;
    in.collapsed = request.collapsed;
    in.options = request.options;
    in.palette = palette;
    in.font = font;
    in.exporting = true;
    const double width = std::max(request.width, 200);
    if (request.caption)
        state->caption = captionFor(project, request, font, width);
    const double captionHeight
        = state->caption ? state->caption->headerHeight + state->caption->footerHeight : 0.0;
    in.scale.setWidth(width - renderer.metrics().labelWidth);
    in.scale.setRange(request.from, request.to);
    // Lay out once at a provisional height to learn how tall the lanes are.
    in.size = QSizeF(width,
                     request.height > 0 ? std::max(100.0, request.height - captionHeight) : 10000);
    renderer.layout(in);
    if (request.height <= 0) {
        // The plot starts under the axis and the periods' titles.
        in.size.setHeight(std::ceil(renderer.frame().plot.top() + renderer.contentHeight()));
        renderer.layout(in);
    }
    Picture picture;
    const QString title = project.text(project.meta().title);
    picture.title = visibleText(title.isEmpty() ? QStringLiteral("Timeline") : title);
    picture.size = QSizeF(width, in.size.height() + captionHeight);
    const QSizeF size = picture.size;
    picture.paint = [state, size](QPainter &painter) {
        painter.save();
        painter.fillRect(QRectF(QPointF(0, 0), size), state->in.palette.color(QPalette::Base));
        if (state->caption) {
            paintCaption(painter, *state->caption, size, state->in.palette);
            painter.translate(0, state->caption->headerHeight);
        }
        // Clip to the lanes: the renderer may draw a label past the last lane.
        painter.setClipRect(QRectF(QPointF(0, 0), state->in.size), Qt::IntersectClip);
        state->renderer.paint(painter, state->in);
        painter.restore();
    };
    return picture;
}

QImage renderTimelineImage(const Project &project, const TimelineLanes &lanes,
                           const TimelineImageRequest &request, const QFont &font,
                           const QPalette &palette)
{
    return pictureImage(timelinePicture(project, lanes, request, font, palette),
                        request.devicePixelRatio);
}

} // namespace claimline
