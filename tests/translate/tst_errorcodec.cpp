// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/errorcodec.h"

#include <QTest>

using namespace Switchyard::Translate;

class tst_ErrorCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void encodes_data();
    void encodes();
    void statusTypes_data();
    void statusTypes();
};

void tst_ErrorCodec::decodes_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<qint64>("retryAfterMs");

    QTest::newRow("openai 429 tokens, try again in 1.2s")
        << WireFormat::OpenAi << 429
        << QByteArray(
               R"({"error":{"message":"Rate limit reached. Please try again in 1.2s.","type":"tokens","param":null,"code":"rate_limit_exceeded"}})")
        << "rate_limit_error"
        << "Rate limit reached. Please try again in 1.2s." << true << qint64(1200);
    QTest::newRow("openai 429 insufficient_quota is not retryable")
        << WireFormat::OpenAi << 429
        << QByteArray(
               R"({"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})")
        << "billing_error"
        << "You exceeded your current quota" << false << qint64(-1);
    QTest::newRow("openai 401 invalid key")
        << WireFormat::OpenAi << 401
        << QByteArray(
               R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})")
        << "authentication_error"
        << "Incorrect API key provided" << false << qint64(-1);
    QTest::newRow("openai 503 overloaded")
        << WireFormat::OpenAi << 503
        << QByteArray(
               R"({"error":{"message":"That model is currently overloaded","type":"server_error","param":null,"code":null}})")
        << "overloaded_error"
        << "That model is currently overloaded" << true << qint64(-1);
    QTest::newRow("mistral flat body")
        << WireFormat::OpenAi << 400
        << QByteArray(
               R"({"object":"error","message":"Tool call id was x","type":"invalid_request_error","param":null,"code":null})")
        << "invalid_request_error"
        << "Tool call id was x" << false << qint64(-1);
    QTest::newRow("ollama string error")
        << WireFormat::OpenAi << 404 << QByteArray(R"({"error":"model 'x' not found"})")
        << "not_found_error"
        << "model 'x' not found" << false << qint64(-1);
    QTest::newRow("openrouter numeric code")
        << WireFormat::OpenAi << 402
        << QByteArray(R"({"error":{"code":402,"message":"Insufficient credits","metadata":{}}})")
        << "billing_error"
        << "Insufficient credits" << false << qint64(-1);
    QTest::newRow("anthropic 529 overloaded")
        << WireFormat::Anthropic << 529
        << QByteArray(
               R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"})")
        << "overloaded_error"
        << "Overloaded" << true << qint64(-1);
    QTest::newRow("anthropic 429 carrying overloaded_error")
        << WireFormat::Anthropic << 429
        << QByteArray(
               R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
        << "overloaded_error"
        << "Overloaded" << true << qint64(-1);
    QTest::newRow("anthropic 400")
        << WireFormat::Anthropic << 400
        << QByteArray(
               R"({"type":"error","error":{"type":"invalid_request_error","message":"messages: text content blocks must be non-empty"}})")
        << "invalid_request_error"
        << "messages: text content blocks must be non-empty" << false << qint64(-1);
    QTest::newRow("gemini 429 RetryInfo")
        << WireFormat::Gemini << 429
        << QByteArray(
               R"({"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED",
            "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[]},
                       {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"22s"}]}})")
        << "rate_limit_error"
        << "You exceeded your current quota" << true << qint64(22000);
    QTest::newRow("gemini 400 API_KEY_INVALID")
        << WireFormat::Gemini << 400
        << QByteArray(
               R"({"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT",
            "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}})")
        << "authentication_error"
        << "API key not valid." << false << qint64(-1);
    QTest::newRow("gemini 503 UNAVAILABLE")
        << WireFormat::Gemini << 503
        << QByteArray(
               R"({"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}})")
        << "overloaded_error"
        << "The model is overloaded." << true << qint64(-1);
    QTest::newRow("html 502 from a proxy")
        << WireFormat::Anthropic << 502 << QByteArray("<html>Bad Gateway</html>") << "api_error"
        << "upstream returned HTTP 502: <html>Bad Gateway</html>" << true << qint64(-1);
    QTest::newRow("empty 500") << WireFormat::Gemini << 500 << QByteArray() << "api_error"
                               << "upstream returned HTTP 500" << true << qint64(-1);
}

void tst_ErrorCodec::decodes()
{
    QFETCH(WireFormat, format);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(bool, retryable);
    QFETCH(qint64, retryAfterMs);
    const UpstreamError e = decodeUpstreamError(format, status, body);
    QCOMPARE(e.status, status);
    QCOMPARE(e.type, type);
    QCOMPARE(e.message, message);
    QCOMPARE(e.retryable, retryable);
    QCOMPARE(e.retryAfterMs, retryAfterMs);
}

void tst_ErrorCodec::encodes_data()
{
    QTest::addColumn<WireFormat>("surface");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("openai, type from status")
        << WireFormat::OpenAi << 429 << QString()
        << QByteArray(
               R"({"error":{"code":null,"message":"slow down","param":null,"type":"rate_limit_error"}})");
    QTest::newRow("anthropic, type from status")
        << WireFormat::Anthropic << 529 << QString()
        << QByteArray(
               R"({"error":{"message":"slow down","type":"overloaded_error"},"type":"error"})");
    QTest::newRow("anthropic, explicit type")
        << WireFormat::Anthropic << 400 << QStringLiteral("invalid_request_error")
        << QByteArray(
               R"({"error":{"message":"slow down","type":"invalid_request_error"},"type":"error"})");
}

void tst_ErrorCodec::encodes()
{
    QFETCH(WireFormat, surface);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QByteArray, expected);
    QCOMPARE(encodeError(surface, status, type, QStringLiteral("slow down")), expected);
}

void tst_ErrorCodec::statusTypes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::newRow("400") << 400 << "invalid_request_error";
    QTest::newRow("401") << 401 << "authentication_error";
    QTest::newRow("402") << 402 << "billing_error";
    QTest::newRow("403") << 403 << "permission_error";
    QTest::newRow("404") << 404 << "not_found_error";
    QTest::newRow("408") << 408 << "timeout_error";
    QTest::newRow("413") << 413 << "request_too_large";
    QTest::newRow("422") << 422 << "invalid_request_error";
    QTest::newRow("429") << 429 << "rate_limit_error";
    QTest::newRow("500") << 500 << "api_error";
    QTest::newRow("503") << 503 << "overloaded_error";
    QTest::newRow("504") << 504 << "timeout_error";
    QTest::newRow("529") << 529 << "overloaded_error";
}

void tst_ErrorCodec::statusTypes()
{
    QFETCH(int, status);
    QFETCH(QString, type);
    QCOMPARE(errorTypeForStatus(status), type);
}

QTEST_GUILESS_MAIN(tst_ErrorCodec)
#include "tst_errorcodec.moc"
