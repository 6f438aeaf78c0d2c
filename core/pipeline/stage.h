// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/pipeline/exchange.h"

#include <QString>

#include <functional>

namespace Switchyard::Pipeline {

/// What a stage decided about a request (Envoy's FilterHeadersStatus, reduced to what
/// the gateway needs today).
struct StageResult
{
    enum class Status {
        /// Hand the request to the next stage.
        Continue,
        /// Stop here and answer locally with httpStatus and an error in the surface's shape.
        Respond,
    };

    Status status = Status::Continue;
    int httpStatus = 0;
    QString errorType; ///< surface error type, e.g. "invalid_request_error"
    QString code;      ///< machine-readable reason the window shows verbatim
    QString message;   ///< for a person: what is wrong and what to do
    HttpHeaders headers;

    static StageResult proceed() { return {}; }
    static StageResult respond(int httpStatus, const QString &errorType, const QString &code,
                               const QString &message)
    {
        return {Status::Respond, httpStatus, errorType, code, message, {}};
    }
};

/// A request stage: pure core code, no I/O but through injected interfaces.
class Stage
{
public:
    virtual ~Stage() = default;
    virtual StageResult onRequest(Exchange &exchange) = 0;
};

/// A stage that is one function (e.g. parseEmbeddings).
class FunctionStage final : public Stage
{
public:
    explicit FunctionStage(std::function<StageResult(Exchange &)> function)
        : m_function(std::move(function))
    {
    }
    StageResult onRequest(Exchange &exchange) override { return m_function(exchange); }

private:
    std::function<StageResult(Exchange &)> m_function;
};

} // namespace Switchyard::Pipeline
