<?xml version="1.0" encoding="utf-8"?>
<!-- Shows the Atom feed of corrections and updates as a readable page in a browser.
     Feed readers ignore it. Copied into docs/feeds/ by the generator. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes"/>
  <xsl:template match="/atom:feed">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width,initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/></title>
        <link rel="stylesheet" href="../assets/explainer.css"/>
      </head>
      <body class="feed-page">
        <main class="feed-page__main">
          <p class="feed-page__kicker">Feed</p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <p>This is a feed: paste its address into a feed reader to be told of every correction and update. <a href="../reference/follow/">How to follow updates</a> · <a href="{atom:link[@rel='alternate']/@href}">Corrections and updates page</a></p>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ol class="feed-page__entries">
                <xsl:for-each select="atom:entry">
                  <li>
                    <p class="feed-page__date"><xsl:value-of select="substring(atom:updated, 1, 10)"/></p>
                    <h2><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h2>
                    <p><xsl:value-of select="atom:summary"/></p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p>No corrections or updates have been made since the explainer was published.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
