<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Switchyard::App</name>
    <message>
        <location filename="../app/clicommands.cpp" line="+67"/>
        <source>keys issue: --name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>keys issue: --rpm, --tpm and --budget take a number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>keys issue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store this secret now: it will not be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>keys list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CUSTOMER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PROJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MODELS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BUDGET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REVOKED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>keys revoke: give the key id, e.g. keys revoke key_1a2b3c4d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>keys revoke: no key with id &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keys revoke: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>keys issue: what to call the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys issue: customer the key&apos;s requests are billed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys issue: project the key&apos;s requests belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys issue: comma-separated models it may use (default: any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys issue: requests per minute (0: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>keys issue: tokens per minute (0: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys issue: monthly budget in USD (0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>usd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>report: first day (YYYY-MM-DD, local) or ISO date-time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>report: last day, inclusive (YYYY-MM-DD) or exclusive ISO date-time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report: comma-separated columns, e.g. customer,model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report: write the CSV to &lt;file&gt; instead of stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>keys: use &apos;keys issue --name NAME&apos;, &apos;keys list&apos; or &apos;keys revoke ID&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>keys: cannot create the data directory for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>keys: cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>report: bad --%1 &apos;%2&apos;; use YYYY-MM-DD or an ISO date-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>report: --from must be before --to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>report: bad --group-by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>report: no request log at %1 (has the gateway run with this --data-dir?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>report: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>report: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote %1 rows (%2 requests, $%3) to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stdout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::Core</name>
    <message>
        <location filename="../core/appoptions.cpp" line="+15"/>
        <source>Read the configuration from &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen on &lt;address&gt; instead of the configured one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen on &lt;port&gt; instead of the configured one (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the request log and other data in &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--port must be a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/budget/alertnotifier.cpp" line="+44"/>
        <source>Budget &apos;%1&apos; reached %2 % of its limit: %3 of %4 this %5 (resets %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/budget/budgetledger.cpp" line="+107"/>
        <source>budget &apos;%1&apos;: price unknown, so its cost cannot be reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>budget &apos;%1&apos;: worst case %2 would exceed the limit (%3 of %4 committed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>budget &apos;%1&apos; reached: downgraded to models up to %2 per 1M output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>paid traffic is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>reserved %1 against %n budget(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/config/budgetsection.cpp" line="+73"/>
        <source>must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>expected an array of fractions of the limit, e.g. [0.5, 0.8, 1.0]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a fraction of the limit above 0 (1.0 = the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a %1-scoped budget needs the %1 it applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on_limit &quot;downgrade&quot; needs price_cap_output: the most a model may cost per 1M output tokens once the limit is reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown time zone; use an IANA name such as Europe/Berlin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/config/configsections.cpp" line="+60"/>
        <source>expected an http:// or https:// URL with a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>another budget already has the name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/conditionsyntax.cpp" line="+58"/>
        <location filename="../core/config/configloader.cpp" line="+107"/>
        <location filename="../core/config/configreader.cpp" line="+66"/>
        <source>expected %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../core/config/configvalidator.cpp" line="+66"/>
        <source>unknown %1 &apos;%2&apos; (did you mean &apos;%3&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/config/configvalidator.cpp" line="+2"/>
        <source>unknown %1 &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unknown operator &apos;%1&apos; (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown operator &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; combines whole conditions; write it next to the fields, not under &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; does not apply to &apos;%2&apos; (use %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/config/configreader.cpp" line="+62"/>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../core/config/configreader.cpp" line="+33"/>
        <location line="+78"/>
        <location filename="../core/guards/guardjson.cpp" line="+20"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../core/config/configreader.cpp" line="-128"/>
        <location line="+74"/>
        <location line="+55"/>
        <location filename="../core/guards/guardjson.cpp" line="+1"/>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an array of numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/config/configreader.cpp" line="-61"/>
        <source>an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>name at least one operator ($eq, $ne, $in, $nin, $gt, $lt, $regex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>expected an object of conditions, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a non-empty array of conditions, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unknown field &apos;%1&apos; (only $and and $or may stand next to fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>condition field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/configloader.cpp" line="-41"/>
        <source>%1:%2:%3: JSON syntax error: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../core/config/guardsection.cpp" line="+106"/>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+76"/>
        <location filename="../core/config/configreader.cpp" line="+62"/>
        <location filename="../core/guards/guardjson.cpp" line="+1"/>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <location filename="../core/config/configreader.cpp" line="-141"/>
        <location line="+142"/>
        <location filename="../core/guards/guardjson.cpp" line="+1"/>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>expected an object at the top level, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../core/config/configwriter.cpp" line="+261"/>
        <source>%1: cannot read the config file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/configreader.cpp" line="-167"/>
        <source>must be at least %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/guards/guardjson.cpp" line="+75"/>
        <source>must be between %1 and %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown key &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown key &apos;%1&apos; (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+50"/>
        <location filename="../core/config/configsections.cpp" line="+34"/>
        <location line="+45"/>
        <location line="+20"/>
        <location line="+143"/>
        <location line="+9"/>
        <source>required field is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-44"/>
        <location filename="../core/config/configsections.cpp" line="-184"/>
        <location line="+54"/>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>an object of numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <location filename="../core/guards/guardjson.cpp" line="-80"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/guards/guardjson.cpp" line="+1"/>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/guards/guardjson.cpp" line="+7"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/configsections.cpp" line="-84"/>
        <source>expected an array of model or route names, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+206"/>
        <source>must name at least one model or route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-189"/>
        <source>loadbalance weights must be greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a model name or {&quot;model&quot;, &quot;weight&quot;}, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>expected an array of {&quot;when&quot;, &quot;then&quot;}, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>unknown provider kind &apos;%1&apos; (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>unknown strategy &apos;%1&apos; (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; does not apply to strategy &apos;%2&apos; (its fields: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>must have at least one weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="+12"/>
        <source>duplicate %1 &apos;%2&apos; (first defined at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+95"/>
        <source>provider id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>route name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>route name &apos;%1&apos; is already a model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+24"/>
        <source>model or route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&apos;%1&apos; is neither a model score nor a live metric (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>route cycle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/configwriter.cpp" line="-98"/>
        <source>edited configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+106"/>
        <source>%1: the file on disk is not a valid JSON object right now; fix or revert it before saving from the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1: cannot create the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cannot keep a backup copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cannot write the config file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/guardsection.cpp" line="-27"/>
        <source>unknown provider &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown provider &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/core.cpp" line="+110"/>
        <source>server.host &apos;%1&apos; is not an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+122"/>
        <location filename="../core/corehost.cpp" line="+66"/>
        <location line="+15"/>
        <source>the gateway is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>the gateway is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/governance.cpp" line="+142"/>
        <location line="+12"/>
        <source>virtual keys are unavailable (see the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/dlpscanner.cpp" line="+108"/>
        <source>custom pattern &apos;%1&apos;: invalid regular expression at offset %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/finding.cpp" line="+67"/>
        <source>email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>national id number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>secret (API key, token or private key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../core/guards/redactor.cpp" line="+29"/>
        <source>custom pattern &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (detector %2) at %3..%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/guardjson.cpp" line="+17"/>
        <source>unknown key; expected one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a non-empty string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>expected a number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>expected a whole number between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>expected an array of strings, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/guardsettings.cpp" line="+21"/>
        <source>must be one of redact, block, log, off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>expected a lower-case name (a-z, 0-9, _; at most 32 characters) that is not a built-in class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid regular expression at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the pattern matches empty text; it must match at least one character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>unknown class; expected one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>expected an array of {name, pattern, action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>another custom pattern already has this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>must be one of flag, block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/injectiondetector.cpp" line="+25"/>
        <source>asks to ignore or override earlier instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tries to give the assistant a new identity or role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>asks for the system prompt or hidden instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>uses a known jailbreak or unrestricted role-play marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains chat-template control tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains invisible characters (zero-width, bidi controls or tag characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>announces new or updated instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a tool result addresses instructions to the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains base64 text that decodes to instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/policy.cpp" line="+79"/>
        <source>no DLP profile of this name in guards.profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>another policy already has the name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>provider &apos;%1&apos; is not allowed by policy &apos;%2&apos; (allowed: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>model &apos;%1&apos; is not allowed by policy &apos;%2&apos; (allowed: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>provider &apos;%1&apos; has no region set; policy &apos;%2&apos; requires one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>region &apos;%1&apos; of provider &apos;%2&apos; is not allowed by policy &apos;%3&apos; (allowed: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/guards/redactor.cpp" line="+3"/>
        <source>response blocked by the DLP policy: it contains a %1 (detector %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request blocked by the DLP policy: message %1 contains a %2 (detector %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/budgetstage.cpp" line="+84"/>
        <source>paid models are paused in Switchyard; only free local models can be used until paid traffic is resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>budget &apos;%1&apos; is exhausted: %2 spent or reserved of %3; it resets at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/dispatcher.cpp" line="+116"/>
        <source>provider &apos;%1&apos; is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>provider &apos;%1&apos; has no embeddings endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+202"/>
        <source>%1 failed mid-stream: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 failed (%2): failing over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no provider is available for &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>all %1 attempts failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cancelled: the client went away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the client closed the connection before the response completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/embeddings.cpp" line="+24"/>
        <source>&quot;model&quot; and &quot;input&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../core/providers/wire/wireadapter.cpp" line="+249"/>
        <source>provider %1 (%2) has no embeddings endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/gatewayhandler.cpp" line="+109"/>
        <source>use POST for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no endpoint %1 %2; this gateway serves POST /v1/chat/completions, POST /v1/messages, POST /v1/embeddings, GET /v1/models and GET /health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/guardstage.cpp" line="+64"/>
        <source>the guards or policies of this configuration do not compile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>prompt injection score %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>request blocked: it looks like a prompt injection (score %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>guards: %n value(s) redacted (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>policy %1: %2 lowered from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>policy %1: %2 set to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/identitystage.cpp" line="+47"/>
        <source>this gateway requires a Switchyard key: send &quot;Authorization: Bearer sy-…&quot; or &quot;x-api-key: sy-…&quot; (issue one in the window or with &quot;switchyard-server keys issue&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>virtual keys are not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the Switchyard key is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the Switchyard key %1 was revoked at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>key %1 may not use &apos;%2&apos;; allowed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>key %1 is over its limit of %2 requests per minute; retry in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>key %1 is over its limit of %2 tokens per minute; retry in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/parsestage.cpp" line="+94"/>
        <source>the request body is empty; send a JSON object with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request body is not valid JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the request body must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;model&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;model&quot; and &quot;messages&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;messages&quot; must be a non-empty array of chat messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;stream&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/routestage.cpp" line="+57"/>
        <source>policy &apos;%1&apos; allows none of the candidates for &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/http/upstreamclient.cpp" line="+43"/>
        <source>Unsupported upstream URL (only http and https work)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/http/upstreamconnection.cpp" line="+183"/>
        <source>Malformed HTTP response from upstream: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Upstream closed the connection before the response was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/http/upstreamexchange.cpp" line="+64"/>
        <source>Timed out waiting for the upstream to start its response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timed out waiting for the upstream response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Timed out connecting to the upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/simulated/simulatedcall.cpp" line="+183"/>
        <source>The request to provider %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Simulated provider %1 failed on purpose: its configured failure_rate (%2) triggered a simulated 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/upstream/embeddingscall.cpp" line="+51"/>
        <location filename="../core/providers/upstream/upstreamcall.cpp" line="+54"/>
        <source>Provider %1 has no upstream client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <location filename="../core/providers/upstream/upstreamcall.cpp" line="+31"/>
        <source>Request to provider %1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Provider %1 sent an embeddings reply that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Provider %1 sent an embeddings reply that cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 vectors for %2 inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <location filename="../core/providers/upstream/upstreamcall.cpp" line="+145"/>
        <source>Provider %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/upstream/upstreamcall.cpp" line="-88"/>
        <source>Provider %1 reported an error mid-stream: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Provider %1 sent a reply that cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Provider %1 ended the stream before the reply was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Provider %1 sent no stream event within %2 ms of its response headers (first_token_timeout_ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/upstream/upstreamprovider.cpp" line="+41"/>
        <source>Provider %1 has an unknown kind &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/wire/replybody.cpp" line="+92"/>
        <source>the upstream reply is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Provider %1 returned HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider %1 returned HTTP %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/wire/translatingcall.cpp" line="+80"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/providers/wire/wireadapter.cpp" line="-44"/>
        <source>The request cannot be translated for provider %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>provider %1 (gemini) embeds text only; token-array input cannot be sent to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/reports/report.cpp" line="+129"/>
        <source>the report was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot group by &apos;%1&apos;; use any of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/reports/reprice.cpp" line="+37"/>
        <source>re-pricing was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/candidatefilter.cpp" line="+15"/>
        <source>filtered: the request uses tools and the model lacks the &apos;tools&apos; capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filtered: the request carries images and the model lacks the &apos;vision&apos; capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>filtered: needs about %1 tokens (prompt ~%2 + output %3), context window is %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/catalog.cpp" line="+36"/>
        <source>%1.price.%2: must be a non-negative number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: &quot;id&quot; and &quot;provider&quot; are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1.price: &quot;input&quot; and &quot;output&quot; are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1.context: must be a non-negative number of tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.scores.%2: must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1.scores.%2: &quot;%2&quot; is a live metric, not a score column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>not a JSON object: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;models&quot; must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: duplicate id &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/catalogcsv.cpp" line="+56"/>
        <source>line %1: a quote may only start a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>line %1: unexpected text after a closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1: a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the file is empty; expected a header line &quot;model,metric,value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>line %1: the header must name the columns model, metric and value (found: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>line %1: expected %2 fields, found %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1: the model is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: metric &quot;%2&quot; must be letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1: &quot;%2&quot; is a live metric and cannot be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>line %1: value &quot;%2&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1: duplicate value for model &quot;%2&quot;, metric &quot;%3&quot; (first on line %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>line %1: a header but no data rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/circuitbreaker.cpp" line="+173"/>
        <source>circuit closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>circuit closed; %n consecutive failure(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>circuit open since %1: provider asked to retry later; half-opens in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>circuit open since %1 after a failed half-open probe; half-opens in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>circuit open since %1 after %2 failures; half-opens in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>circuit half-open: a probe request is in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>circuit half-open: the next request is a probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/conditions.cpp" line="+62"/>
        <location line="+97"/>
        <source>always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>expected a model or route name</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../core/routing/livemetrics.cpp" line="+29"/>
        <source>observed over %n sample(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>prior blended with %n sample(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prior (no traffic yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/policyfilter.cpp" line="+30"/>
        <source>policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1@%2 removed by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/router.cpp" line="+23"/>
        <source>its provider is not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>provider &apos;%1&apos; has no API key (set %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>provider &apos;%1&apos; has no API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>provider &apos;%1&apos; skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>route forced by x-switchyard-route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>route &apos;%1&apos; named in x-switchyard-route does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no model given: using the default route &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>route &apos;%1&apos; refers back to itself: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>model &apos;%1&apos; is unknown: no provider &apos;%2&apos; is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>provider-qualified model outside the catalog: price unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>model &apos;%1&apos; is neither a catalog model nor a route; available: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no model can serve &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1: weighted draw picked %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: conditions are invalid (%2); default → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: rule %2 matched (%3) → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: no rule matched (%2 checked); default → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>first choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fallback #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: scored %2 candidates on %3; best %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/routing/scorer.cpp" line="+44"/>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no live metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no figure for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>all equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+108"/>
        <source>equal totals are ordered by higher reliability, then lower cost, then model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/server/httpconnection.cpp" line="+37"/>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+110"/>
        <location line="+143"/>
        <source>request headers exceed the limit of %1 (server.max_header_bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-86"/>
        <source>request body is %1; the limit is %2 (server.max_body_bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>request body exceeds the limit of %1 (server.max_body_bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>malformed HTTP request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+108"/>
        <source>the request did not arrive completely within %1 s (server.header_timeout_ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/server/httpserver.cpp" line="+134"/>
        <source>address in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>address not available on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>too many connections: the limit is %1 (server.max_connections); try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/costupdater.cpp" line="+39"/>
        <source>the request log %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the request log has schema version %1; start the gateway once to upgrade it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot update costs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/keystore.cpp" line="+26"/>
        <location filename="../core/store/schema.cpp" line="+84"/>
        <location filename="../core/translate/codechelpers.cpp" line="+15"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot create the folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the key store %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot store the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot revoke the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no key has the id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/requestreader.cpp" line="+61"/>
        <source>Cannot read the request log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qt&apos;s SQLite driver is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it has schema version %1 and this build reads version %2; start the gateway once to upgrade it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+20"/>
        <location filename="../core/store/storeworker.cpp" line="+171"/>
        <source>The request log is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Cannot count requests in the request log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot read requests from the request log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/requeststore.cpp" line="+32"/>
        <source>The request log is already open at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot open the request log %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The request log is closed; the record was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/schema.cpp" line="+23"/>
        <source>Cannot read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The database has schema version %1, newer than this build understands (%2); use a newer Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot create the schema_version table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Migration to schema version %1 (%2) failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storeworker.cpp" line="-67"/>
        <source>Cannot open the request log %1: Qt&apos;s SQLite driver (QSQLITE) is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the request log %1: cannot create the directory %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the request log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file system does not support write-ahead logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Writing to the request log failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/anthropicencode.cpp" line="+168"/>
        <location filename="../core/translate/geminicodec.cpp" line="+119"/>
        <source>more than one choice is not supported by this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/anthropicrequest.cpp" line="+43"/>
        <source>unknown image source type &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../core/translate/anthropicresponse.cpp" line="+19"/>
        <location filename="../core/translate/openairequest.cpp" line="+84"/>
        <location line="+45"/>
        <location line="+67"/>
        <location line="+56"/>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../core/translate/openairequest.cpp" line="-198"/>
        <location line="+41"/>
        <source>unknown part type &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected a string or an array of blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../core/translate/openairequest.cpp" line="+120"/>
        <source>unsupported tool type &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../core/translate/openairequest.cpp" line="+27"/>
        <source>unknown value &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../core/translate/openairequest.cpp" line="+25"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../core/translate/openairequest.cpp" line="+4"/>
        <source>must be a non-empty array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../core/translate/openairequest.cpp" line="-70"/>
        <source>unknown role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/anthropicstreamdecoder.cpp" line="+25"/>
        <source>malformed upstream stream event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/embeddingscodec.cpp" line="+53"/>
        <source>&quot;input&quot; is required: a string, an array of strings or an array of token arrays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;input&quot; must not be an empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;input&quot; must not be an empty array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;input[%1]&quot; must be a non-empty string (or every item a non-empty token array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;input&quot; has %1 items; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;input&quot; must be a string, an array of strings or an array of token arrays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;encoding_format&quot; must be &quot;float&quot; or &quot;base64&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;dimensions&quot; must be a positive integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the embeddings reply is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the embeddings reply holds no embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an embedding in the reply has no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/errorcodec.cpp" line="+160"/>
        <source>upstream returned HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upstream returned HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/geminicodec.cpp" line="-71"/>
        <source>image URLs are not supported by Gemini; send the image as a base64 data URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no earlier tool call has id &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+149"/>
        <location filename="../core/translate/openairesponse.cpp" line="+20"/>
        <source>missing or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/geministreamdecoder.cpp" line="+27"/>
        <location filename="../core/translate/openaistreamdecoder.cpp" line="+42"/>
        <source>malformed upstream stream chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>the model produced an invalid tool call (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/translate/openairequest.cpp" line="-156"/>
        <location line="+24"/>
        <source>expected a string or an array of parts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::Ui</name>
    <message>
        <location filename="../ui/budgets/budgetcurve.cpp" line="+87"/>
        <location filename="../ui/reports/reportrunner.cpp" line="+19"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/budgets/budgetspage.cpp" line="+37"/>
        <source>All traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pause paid traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>While paused, only free (local) models are served; requests that need a paid model are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Spend per budget in its current period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spent of limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No budgets are configured. Add them to the &quot;budgets&quot; section of the configuration file, or give a virtual key a monthly budget on the Keys tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Paid traffic is paused: only free models are served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 held by requests in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1: %2 spent from %3 to now; at this rate %4 by %5 (limit %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The spend chart could not be read from the request log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/budgetchartpanel.cpp" line="+40"/>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spend in the budget&apos;s current period; the dashed line carries the average rate so far on to the period&apos;s end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Alert at %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/costbarchartpanel.cpp" line="+22"/>
        <location filename="../ui/logs/logtablemodel.cpp" line="+326"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="+128"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+26"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cost (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost per group in the report&apos;s range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Other (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/rankingchartpanel.cpp" line="+21"/>
        <source>Total score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Models by total score under the current weights, best on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/ratechartpanel.cpp" line="+31"/>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>errors/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Requests and errors per second over the last two minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/trafficchartpanel.cpp" line="+33"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../ui/guards/egressview.cpp" line="+38"/>
        <location filename="../ui/mainwindow.cpp" line="+115"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="-7"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests per model: as logged (before) and under the edited settings (after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/guards/egressmodel.cpp" line="+24"/>
        <location filename="../ui/guards/guardspage.cpp" line="+251"/>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../ui/logs/logtablemodel.cpp" line="-11"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/guards/egressview.cpp" line="+0"/>
        <location filename="../ui/logs/logtablemodel.cpp" line="+4"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="+41"/>
        <location line="+29"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+25"/>
        <location filename="../ui/scores/scoresmodel.cpp" line="+218"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/guards/egressview.cpp" line="+0"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/guards/egressview.cpp" line="+0"/>
        <source>Bytes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/guards/guardspage.cpp" line="-170"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/guards/egressview.cpp" line="+14"/>
        <source>Per destination (last %1 requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests: only data classes are kept, never the values found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/guards/guardspage.cpp" line="-29"/>
        <source>Data-loss prevention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan requests for sensitive data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Also scan responses (streams are held back about 300 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prompt injection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score user messages and tool results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Above the threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/keys/keyspage.cpp" line="+55"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste a prompt to see what would be redacted, blocked or flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="-58"/>
        <source>Egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Row %1: invalid regular expression at offset %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All patterns compile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>BLOCKED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent as:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (detector %2) at %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No sensitive data found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injection score %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keys/issuekeydialog.cpp" line="+37"/>
        <source>Issue virtual key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. ci bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional; requests are attributed to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any model; or a comma list, e.g. gpt-4o-mini, auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source> requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A monthly budget that blocks the key&apos;s requests once spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/routing/routeeditor.cpp" line="+81"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rate limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Token limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly &amp;budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Issue key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+17"/>
        <source>Give the key a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Model “%1” contains a space; separate models with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer and project are single names, without commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keys/keysecretdialog.cpp" line="+23"/>
        <source>Key issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key &lt;b&gt;%1&lt;/b&gt; (%2) was issued. Clients send it as &lt;tt&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/tt&gt; or &lt;tt&gt;x-api-key: &amp;lt;key&amp;gt;&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store this secret now: it will not be shown again. Switchyard keeps only a hash of it; if it is lost, revoke the key and issue a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I have stored it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keys/keyspage.cpp" line="-29"/>
        <location line="+131"/>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Virtual keys (sy-…) tie a client to a customer and project, and may restrict its models, rate and monthly spend. Only a hash of each secret is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issue key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../ui/logs/logtablemodel.cpp" line="+1"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="-27"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="-6"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="+1"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+1"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allowed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Revoked %1. Requests with it are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Issuing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Revoke key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke %1 (%2)? Clients using it are refused from their next request. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Issued %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/logtablemodel.cpp" line="-164"/>
        <source>blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>redacted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>logged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flagged (injection %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="-29"/>
        <source>%1 (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Answered by the built-in simulated provider: the text is not from a real model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cost unknown: no price or no usage was reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n finding(s) in request and response; only classes are kept, never the values.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+66"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="+23"/>
        <location line="+61"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="-71"/>
        <source>Surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="+2"/>
        <location line="+69"/>
        <location line="+29"/>
        <location line="+25"/>
        <location filename="../ui/replay/replaytrafficmodel.cpp" line="+92"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+4"/>
        <location filename="../ui/scores/scoresmodel.cpp" line="-2"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/logs/requestdetailview.cpp" line="-108"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="-2"/>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTFT (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/mainwindow.cpp" line="+16"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/requestdetailview.cpp" line="-81"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 @ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/replay/replaydialog.cpp" line="+139"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (streamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upstream model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+60"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Usage and cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="-19"/>
        <source>Cache read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+1"/>
        <source>Cache write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+2"/>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not reported by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/replay/replaydialog.cpp" line="-85"/>
        <location filename="../ui/scores/scoresmodel.cpp" line="-197"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bytes sent upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, region %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 (%n finding(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sensitive data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (flagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (below the threshold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Injection score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attempts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No upstream attempt was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Routing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/scores/routewinnersview.cpp" line="+103"/>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/routing/routingpage.cpp" line="+81"/>
        <location filename="../ui/scores/routewinnersview.cpp" line="+0"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/scores/routewinnersview.cpp" line="+0"/>
        <source>Winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../ui/routing/routeeditor.cpp" line="+57"/>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/scores/scoresmodel.cpp" line="+195"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../ui/reports/reporttablemodel.cpp" line="+106"/>
        <location filename="../ui/scores/scoresmodel.cpp" line="+13"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Select a request to see its attempts, tokens, cost and why it was routed where it went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-60"/>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Models &amp;&amp; Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Filter: gpt-4o   status:5xx   status:429   provider:sim   customer:acme   error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words must all match. A plain word searches model, provider, customer, project, app, surface, status and error text. status:5xx, status:429, provider:…, customer:…, project:…, app:…, model:…, route:… narrow to one field; &quot;error&quot; shows only failed requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simulated provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some answers come from the built-in simulated provider: they are generated locally and are not real model output. Add a provider key to route to real models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Configuration version %1: built-in defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration version %1 applied from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Configuration change rejected; the previous configuration stays in force. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Budget %1 at %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../ui/replay/replaydialog.cpp" line="+338"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenAI tools: OPENAI_BASE_URL=%1/v1
Anthropic tools: ANTHROPIC_BASE_URL=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Configuration rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchyard (%1)
%2 req/s, %3 requests, %4 errors, %5 spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/replay/replaydialog.cpp" line="-348"/>
        <source>model or route no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no usable model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>route refers back to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What-if replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replays the logged requests of a time range through the router with the edited settings, to show which would go to another model and what they would have cost. Nothing is applied until you choose Ǌpply these settings”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../ui/reports/reportspage.cpp" line="+71"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/reports/reportspage.cpp" line="+3"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%v of %m requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/reports/reportspage.cpp" line="+10"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a time range and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Examples of requests that would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the edited settings in force in the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+111"/>
        <source>No configuration to replay against yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replaying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Applying the edited settings to the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The replay failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled before any routed request was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No routed requests in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 requests would change model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../ui/routing/targetlisteditor.cpp" line="+214"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; projected cost %1 → %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; no cost can be projected (no priced requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (cancelled after %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be routed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 without token counts (failed) left out of the cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on a model without a price left out of the cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 not routed at all (e.g. model lists) skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>costs use today&apos;s prices for the logged tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(default route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/replay/replaytrafficmodel.cpp" line="+2"/>
        <source>Requests before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reports/reportrunner.cpp" line="+11"/>
        <location line="+12"/>
        <location line="+11"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reports/reportspage.cpp" line="-23"/>
        <source>Group the totals by the checked columns, in this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same CSV as “switchyard-server report” (RFC 4180, UTF-8, with a TOTAL row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a range and the columns to group by, then press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+125"/>
        <source>The request log is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first day must not be after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the request log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>switchyard-report-%1-to-%2.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 groups, %2 requests, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; %1 requests without a known cost are not in the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrote %1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reports/reporttablemodel.cpp" line="-111"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+53"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Price versions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/routing/routedraft.cpp" line="+48"/>
        <source>Route #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/routing/routingpage.cpp" line="+189"/>
        <source>Route &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 refers to unknown target &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: add at least one target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: target %2 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: weight of &apos;%2&apos; must be greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: add at least one candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: candidate %2 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: &apos;%2&apos; is neither a model score nor a live metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: give at least one metric a weight above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: rule %2: &apos;when&apos; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: rule %2 has no &apos;then&apos; target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: choose a default target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: unknown strategy &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+114"/>
        <source>is empty: write a JSON object such as {&quot;customer&quot;: {&quot;$eq&quot;: &quot;acme&quot;}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is not valid JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a JSON object such as {&quot;customer&quot;: {&quot;$eq&quot;: &quot;acme&quot;}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Route #%1 has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route name &apos;%1&apos; is used more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route &apos;%1&apos; has the same name as a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Routes refer to each other in a cycle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default route &apos;%1&apos; is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the default route setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/routing/routeeditor.cpp" line="-109"/>
        <source>Cost (lower is better):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency (lower is better):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time to first token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reliability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benchmark %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>e.g. reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients select the route by sending this name as the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallback: try targets in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load balance: weighted random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score: best by weighted metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditional: rules on the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Metric weights (0 leaves a metric out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Tries the targets from the top; moves to the next on a connection error, timeout, 408, 429 or 5xx, never after the answer has begun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picks one target at random in proportion to its weight; the others are the fallbacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ranks the candidates by their weighted, normalised metrics and takes the best; the rest are the fallbacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends the request to the target of the first rule that matches its metadata or traits, otherwise to the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/routing/routingpage.cpp" line="-232"/>
        <source>Add r&amp;oute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to config &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Used for requests that name no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discard unsaved edits and show the routes in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the routes into the config file and apply them (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rou&amp;tes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Default route:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The configuration in force changed; your unsaved edits are kept. Revert shows the routes in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+125"/>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This route has a problem; see below the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>route-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Route &apos;%1&apos; is still used by %2; change those first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Route &apos;%1&apos; removed (not saved yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edits discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved to %1; configuration version %2 is in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/routing/ruleseditor.cpp" line="+32"/>
        <source>&amp;Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/routing/targetlisteditor.cpp" line="-187"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/routing/targetlisteditor.cpp" line="+1"/>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/routing/targetlisteditor.cpp" line="+1"/>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conditions on metadata (customer, project, feature, tags, app, region) or request traits (has_tools, has_images, prompt_tokens) with $eq $ne $in $nin $gt $lt $regex $and $or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;When (JSON):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Then:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Otherwise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rules, first match wins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+106"/>
        <source>%1. when %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rule %1: &apos;when&apos; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/routing/targetlisteditor.cpp" line="-3"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target (model or route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Share of requests, relative to the other targets&apos; weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/scores/routewinnersview.cpp" line="+0"/>
        <source>Runner-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What each route would pick first under these weights (without live latency and provider health)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(none eligible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/scores/scoresmodel.cpp" line="-206"/>
        <source>$%1 /M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+141"/>
        <source>%1: %2 × weight %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No metric has a weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Price in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/scores/scorespage.cpp" line="+76"/>
        <source>Apply to gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give every score route these weights (metrics at 0 are left out); requests in flight keep the old ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the weights of the configuration in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What-if…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay logged requests with these weights to see which would change model and what they would cost, before applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cost is priced for a request of %1 prompt and %2 output tokens. Latency, time to first token and reliability come from live traffic in the gateway and do not change the ranking shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Changed; not applied to the gateway yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Weights of configuration version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Applied as configuration version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration version %1 in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/scores/weightspanel.cpp" line="+23"/>
        <source>Cost (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time to first token (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benchmark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Weight of %1; 0 leaves it out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+30"/>
        <source>Switchyard desktop AI gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main_headless.cpp" line="+30"/>
        <source>%1: OK (%2 providers, %3 models, %4 routes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Switchyard gateway without a window. Commands: serve (default), check-config, keys, report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serve, check-config, keys or report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unknown command &apos;%1&apos;; use serve, check-config, keys or report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switchyard listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>request log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>switchyard-server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>config not applied, previous config stays in force: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
