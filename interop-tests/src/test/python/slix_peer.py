#!/usr/bin/python3
"""Slixmpp IoT peer for the xmpp-iot interop tests (Debian python3-slixmpp 1.8, plugins xep_0323/xep_0325).

Run by the Java tests, never by hand in CI. Reads the account's password from the first line of standard input (never
from the command line) and exits when standard input closes. Talks a line protocol on standard output:

  READY <full jid>                         connected (device mode: nodes registered)
  SET <name>=<value>                       device: a control request set a parameter
  FIELD <element> <name>=<value>           client: one field of a read-out, as Slixmpp delivered it
  ACCEPTED | DONE | REJECTED <text> | FAILURE <text>   client: read-out events of the Slixmpp plugin
  RESULT <responseCode>                    client: the Slixmpp control callback ran (empty code: none sent)
  IQERROR <condition> children=<names>     client: an IQ error answered the request (seen below the plugin)
  TIMEOUT <what>                           client: nothing ended the exchange within the time-out
  ERROR <text>                             anything else went wrong

Usage: slix_peer.py HOST PORT DOMAIN USER CAFILE device [--no-control]
       slix_peer.py HOST PORT DOMAIN USER CAFILE read THING_JID [FIELD...]
       slix_peer.py HOST PORT DOMAIN USER CAFILE set THING_JID NAME TYPE VALUE
"""
import asyncio
import logging
import sys
import threading

import slixmpp
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import StanzaPath
from slixmpp.plugins.xep_0323.device import Device as SensorDevice
from slixmpp.plugins.xep_0325.device import Device as ControlDevice

TIMEOUT_SECONDS = 15


def say(line):
    print(line, flush=True)


class ControlledDevice(ControlDevice):
    """A XEP-0325 device that reports every set on stdout."""

    def _set_field_value(self, name, value):
        super()._set_field_value(name, value)
        say("SET %s=%s" % (name, value))


class Peer(slixmpp.ClientXMPP):

    def __init__(self, jid, password, cafile, mode, args):
        super().__init__(jid, password)
        self.ca_certs = cafile  # verify the test server's self-signed certificate
        self.mode = mode
        self.args = args
        self.register_plugin('xep_0030')
        self.register_plugin('xep_0323', {'threaded': False})
        self.register_plugin('xep_0325')
        self.add_event_handler('session_start', self.start)
        self.add_event_handler('connection_failed', lambda e: self.fail('connection failed: %s' % e))
        self.add_event_handler('failed_auth', lambda e: self.fail('authentication failed'))
        self.register_handler(Callback('iq errors', StanzaPath('iq@type=error'), self.iq_error))
        self.finished = asyncio.Event()

    def fail(self, text):
        say('ERROR ' + text)
        self.finished.set()

    def iq_error(self, iq):
        children = [child.tag.split('}')[-1] for child in iq.xml if not child.tag.endswith('}error')]
        say('IQERROR %s children=%s' % (iq['error']['condition'], ','.join(children)))
        if self.mode == 'set' or self.mode == 'read':
            # the Slixmpp plugins wait for <setResponse>/<rejected> in the error; stop here so that nobody hangs
            self.loop.call_later(1.0, self.finished.set)

    async def start(self, event):
        self.send_presence()
        await self.get_roster()
        if self.mode == 'device':
            sensor = SensorDevice('Device01')
            sensor._add_field(name='Temperature', typename='numeric', unit='C')
            sensor._add_field_momentary_data('Temperature', '21.5')
            sensor._add_field(name='Uptime', typename='timeSpan')
            sensor._add_field_momentary_data('Uptime', 'PT1H2M')
            sensor._add_field(name='Heating', typename='boolean')
            sensor._add_field_momentary_data('Heating', 'true')
            self['xep_0323'].register_node('Device01', sensor, commTimeout=10)
            if '--no-control' not in self.args:
                control = ControlledDevice('Device01')
                control._add_control_field(name='Output', typename='boolean', value='false')
                control._add_control_field(name='Level', typename='int', value='0')
                self['xep_0325'].register_node('Device01', control, commTimeout=10)
            say('READY ' + str(self.boundjid))
        elif self.mode == 'read':
            say('READY ' + str(self.boundjid))
            self['xep_0323'].request_data(self.boundjid.full, self.args[0], self.read_callback,
                                          fields=self.args[1:] or None, flags={'momentary': 'true'})
            self.loop.call_later(TIMEOUT_SECONDS, self.timeout, 'read')
        elif self.mode == 'set':
            say('READY ' + str(self.boundjid))
            thing, name, typename, value = self.args
            self['xep_0325'].set_request(self.boundjid.full, thing, self.set_callback, [(name, typename, value)])
            self.loop.call_later(TIMEOUT_SECONDS, self.timeout, 'set')
        else:
            self.fail('unknown mode ' + self.mode)

    def timeout(self, what):
        if not self.finished.is_set():
            say('TIMEOUT ' + what)
            self.finished.set()

    def read_callback(self, from_jid, result, nodeId=None, timestamp=None, fields=None, error_msg=None):
        if result == 'fields':
            for f in fields:
                say('FIELD %s %s=%s' % (f['typename'], f['name'], f['value']))
        elif result in ('accepted', 'queued', 'started'):
            say(result.upper())
        elif result == 'done':
            say('DONE')
            self.finished.set()
        else:
            say('%s %s' % (result.upper(), error_msg))
            self.finished.set()

    def set_callback(self, from_jid, result, nodeIds=None, fields=None, error_msg=None):
        say('RESULT %s' % result)
        self.finished.set()


def main():
    if len(sys.argv) < 7 or sys.argv[1] in ('-h', '--help'):
        print(__doc__)
        return 0 if len(sys.argv) > 1 and sys.argv[1] in ('-h', '--help') else 2
    host, port, domain, user, cafile, mode = sys.argv[1:7]
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    logging.getLogger('asyncio').setLevel(logging.CRITICAL)  # shutdown noise of unanswered IQ futures
    password = sys.stdin.readline().rstrip('\n')
    peer = Peer('%s@%s/slixmpp' % (user, domain), password, cafile, mode, sys.argv[7:])
    loop = asyncio.get_event_loop()

    def watch_stdin():  # the Java side closes stdin to stop the peer
        sys.stdin.read()
        loop.call_soon_threadsafe(peer.finished.set)

    threading.Thread(target=watch_stdin, daemon=True).start()
    peer.connect(address=(host, int(port)))
    loop.run_until_complete(peer.finished.wait())
    peer.disconnect()
    loop.run_until_complete(asyncio.sleep(0.2))
    return 0


if __name__ == '__main__':
    sys.exit(main())
