// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/anthropiccodec.h"
#include "core/translate/geminicodec.h"
#include "core/translate/openaicodec.h"
#include "translatetestutil.h"

#include <QDir>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Translate;
using namespace TranslateTest;

namespace {

Result<ChatRequest> decode(const QString &from, const QJsonObject &body)
{
    return from == QLatin1String("anthropic") ? AnthropicCodec::decodeRequest(body)
                                              : OpenAiCodec::decodeRequest(body);
}

Result<QJsonObject> encode(const QString &to, const ChatRequest &request)
{
    if (to == QLatin1String("anthropic")) {
        return AnthropicCodec::encodeRequest(request);
    }
    if (to == QLatin1String("gemini")) {
        return GeminiCodec::encodeRequest(request);
    }
    return OpenAiCodec::encodeRequest(request);
}

} // namespace

class tst_RequestCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void decodeErrors_data();
    void decodeErrors();
    void maxCompletionTokensOption();
    void anthropicDefaultMaxTokens();
};

void tst_RequestCodec::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    const QStringList files = QDir(dataPath(QStringLiteral("requests")))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 9);
    for (const QString &file : files) {
        const QJsonObject fixture = readJson(QStringLiteral("requests/") + file);
        for (const QString &key : fixture.keys()) {
            if (key == QLatin1String("input")) {
                continue;
            }
            const QString target = key.section(QLatin1Char('_'), 0, 0);
            QTest::addRow("%s -> %s", qPrintable(file.chopped(5)), qPrintable(key))
                << file << target;
        }
    }
}

void tst_RequestCodec::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, target);
    const QJsonObject fixture = readJson(QStringLiteral("requests/") + file);
    const QString from = file.section(QLatin1Char('_'), 0, 0);
    const Result<ChatRequest> request = decode(from,
                                               fixture.value(QLatin1String("input")).toObject());
    QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));
    const Result<QJsonObject> body = encode(target, request.value());
    const QString expectedError = fixture.value(target + QLatin1String("_error")).toString();
    if (!expectedError.isEmpty()) {
        QVERIFY(!body.ok());
        QVERIFY2(body.error().message.startsWith(expectedError), qPrintable(body.error().message));
        return;
    }
    QVERIFY2(body.ok(), qPrintable(body.ok() ? QString() : body.error().message));
    QCOMPARE(pretty(body.value()), pretty(fixture.value(target).toObject()));
}

void tst_RequestCodec::decodeErrors_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("openai unknown part type")
        << "openai"
        << QByteArray(
               R"({"model":"m","messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},
            {"role":"user","content":[{"type":"video","video":{}}]}]})")
        << "messages[2].content[0].type: unknown part type 'video'";
    QTest::newRow("openai audio part unsupported")
        << "openai"
        << QByteArray(
               R"({"model":"m","messages":[{"role":"user","content":[{"type":"input_audio"}]}]})")
        << "messages[0].content[0].type: unknown part type 'input_audio'";
    QTest::newRow("openai missing model")
        << "openai" << QByteArray(R"({"messages":[{"role":"user","content":"a"}]})")
        << "model: required";
    QTest::newRow("openai empty messages")
        << "openai" << QByteArray(R"({"model":"m","messages":[]})")
        << "messages: must be a non-empty array";
    QTest::newRow("openai unknown role")
        << "openai" << QByteArray(R"({"model":"m","messages":[{"role":"robot","content":"a"}]})")
        << "messages[0].role: unknown role 'robot'";
    QTest::newRow("openai tool without id")
        << "openai" << QByteArray(R"({"model":"m","messages":[{"role":"tool","content":"a"}]})")
        << "messages[0].tool_call_id: missing";
    QTest::newRow("openai custom tool")
        << "openai"
        << QByteArray(
               R"({"model":"m","messages":[{"role":"user","content":"a"}],"tools":[{"type":"custom"}]})")
        << "tools[0].type: unsupported tool type 'custom'";
    QTest::newRow("openai bad tool_choice")
        << "openai"
        << QByteArray(
               R"({"model":"m","messages":[{"role":"user","content":"a"}],"tool_choice":"maybe"})")
        << "tool_choice: unknown value 'maybe'";
    QTest::newRow("anthropic system role")
        << "anthropic"
        << QByteArray(R"({"model":"c","messages":[{"role":"system","content":"a"}]})")
        << "messages[0].role: unknown role 'system'";
    QTest::newRow("anthropic document block")
        << "anthropic"
        << QByteArray(
               R"({"model":"c","messages":[{"role":"user","content":[{"type":"document"}]}]})")
        << "messages[0].content[0].type: unknown part type 'document'";
    QTest::newRow("anthropic image source")
        << "anthropic"
        << QByteArray(
               R"({"model":"c","messages":[{"role":"user","content":[{"type":"image","source":{"type":"file"}}]}]})")
        << "messages[0].content[0].source.type: unknown image source type 'file'";
    QTest::newRow("anthropic server tool")
        << "anthropic"
        << QByteArray(
               R"({"model":"c","messages":[{"role":"user","content":"a"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]})")
        << "tools[0].type: unsupported tool type 'web_search_20250305'";
    QTest::newRow("anthropic tool_result without id")
        << "anthropic"
        << QByteArray(
               R"({"model":"c","messages":[{"role":"user","content":[{"type":"tool_result","content":"x"}]}]})")
        << "messages[0].content[0].tool_use_id: missing";
}

void tst_RequestCodec::decodeErrors()
{
    QFETCH(QString, from);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QVERIFY(!object.isEmpty());
    const Result<ChatRequest> request = decode(from, object);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().code, QStringLiteral("invalid_request"));
    QCOMPARE(request.error().message, message);
}

void tst_RequestCodec::maxCompletionTokensOption()
{
    const auto request = OpenAiCodec::decodeRequest(
        parse(R"({"model":"o3","max_tokens":77,"messages":[{"role":"user","content":"a"}]})"));
    QVERIFY(request.ok());
    const auto body = OpenAiCodec::encodeRequest(request.value(), {true});
    QVERIFY(body.ok());
    QCOMPARE(body.value().value(QLatin1String("max_completion_tokens")).toInteger(), 77);
    QVERIFY(!body.value().contains(QLatin1String("max_tokens")));
}

void tst_RequestCodec::anthropicDefaultMaxTokens()
{
    const auto request = OpenAiCodec::decodeRequest(
        parse(R"({"model":"m","messages":[{"role":"user","content":"a"}]})"));
    QVERIFY(request.ok());
    AnthropicCodec::RequestOptions options;
    options.defaultMaxTokens = 1234;
    const auto body = AnthropicCodec::encodeRequest(request.value(), options);
    QVERIFY(body.ok());
    QCOMPARE(body.value().value(QLatin1String("max_tokens")).toInteger(), 1234);
}

QTEST_GUILESS_MAIN(tst_RequestCodec)
#include "tst_requestcodec.moc"
