#include "timelineexport.h"

#include "project.h"
#include "timelinelanes.h"

#include <QPainter>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
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

QPalette publicationPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf3, 0xf3));
    palette.setColor(QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    palette.setColor(QPalette::Text, QColor(0x1a, 0x1a, 0x1a));
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xd1));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QImage renderTimelineImage(const Project &project, const TimelineLanes &lanes,
                           const TimelineImageRequest &request, const QFont &font,
                           const QPalette &palette)
{
    TimelineRenderer renderer;
    renderer.setMetrics(TimelineRenderer::metricsFor(font, project));
    std::vector<std::size_t> order = request.order;
    if (order.empty()) {
        order.resize(lanes.lanes().size());
        std::iota(order.begin(), order.end(), std::size_t(0));
    }
    TimelineRenderer::Input in;
    in.project = &project;
    in.lanes = &lanes;
    in.order = order;
    in.collapsed = request.collapsed;
    in.options = request.options;
    in.palette = palette;
    in.font = font;
    in.exporting = true;
    const double width = std::max(request.width, 200);
    in.scale.setWidth(width - renderer.metrics().labelWidth);
    in.scale.setRange(request.from, request.to);
    // Lay out once at a provisional height to learn how tall the lanes are.
    in.size = QSizeF(width, request.height > 0 ? request.height : 10000);
    renderer.layout(in);
    if (request.height <= 0) {
        in.size.setHeight(std::ceil(renderer.metrics().axisHeight + renderer.contentHeight()));
        renderer.layout(in);
    }
    const QSize pixels(int(std::ceil(in.size.width() * request.devicePixelRatio)),
                       int(std::ceil(in.size.height() * request.devicePixelRatio)));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(request.devicePixelRatio);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    renderer.paint(painter, in);
    return image;
}

} // namespace claimline
